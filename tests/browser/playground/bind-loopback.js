'use strict';
// Preloaded with `node -r ./bind-loopback.js` before the Microsoft 365 Agents Playground: the Playground
// calls server.listen(port) with no host, which binds every interface. Tests must bind 127.0.0.1 only,
// so every listen() that names no host (or names a wildcard host) is given 127.0.0.1.
const net = require('net');

const WILDCARD = new Set([undefined, null, '', '0.0.0.0', '::', '::0']);
const original = net.Server.prototype.listen;

net.Server.prototype.listen = function listen(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    // listen(options[, callback]); a handle or a unix socket path is left alone.
    if (first.path === undefined && first.handle === undefined && first._handle === undefined && first.fd === undefined
        && WILDCARD.has(first.host)) {
      args[0] = { ...first, host: '127.0.0.1' };
    }
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)) || first === undefined
             || typeof first === 'function') {
    // listen([port][, host][, backlog][, callback]) — a non-numeric string first argument is a unix path.
    if (typeof first === 'function' || first === undefined) args.splice(0, typeof first === 'function' ? 0 : 1, 0);
    const second = args[1];
    if (typeof second === 'string' && !WILDCARD.has(second)) {
      // an explicit host: keep it
    } else if (typeof second === 'string' || second === undefined || second === null) {
      args[1] = '127.0.0.1';
    } else {
      args.splice(1, 0, '127.0.0.1'); // second is a backlog number or the callback
    }
  }
  return original.apply(this, args);
};
