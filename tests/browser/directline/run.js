'use strict';
// Direct Line conformance scenarios, driven by the official botframework-directlinejs client against a
// running HelplineBot. Started by tests/HelplineBot.IntegrationTests/DirectLine/DirectLineClientTests.cs:
//
//   DIRECTLINE_INPUT='{"domain":"http://127.0.0.1:5000/v3/directline","token":"...","webSocket":true}' \
//     node directline/run.js converse
//
// The script observes and reports; the xunit test asserts. The last stdout line is "RESULT {json}".
// Lines "READY {json}" ask the test to act (e.g. move the server's clock) and answer with a line on stdin.
const readline = require('readline');
const { RecordingClient, converse } = require('./client');

const input = JSON.parse(process.env.DIRECTLINE_INPUT || '{}');
const timeoutMs = input.timeoutMs || 8000;

const stdinLines = [];
const stdinWaiters = [];
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const waiter = stdinWaiters.shift();
  if (waiter) waiter(line); else stdinLines.push(line);
});

/** Tells the test we reached a step, then waits for its go-ahead. */
function ready(step, details) {
  process.stdout.write(`READY ${JSON.stringify({ step, ...details })}\n`);
  return new Promise((resolve, reject) => {
    if (stdinLines.length) return resolve(stdinLines.shift());
    const timer = setTimeout(() => reject(new Error(`no go-ahead from the test after step ${step}`)), timeoutMs);
    stdinWaiters.push((line) => { clearTimeout(timer); resolve(line); });
  });
}

async function http(method, path, token, body) {
  const response = await fetch(`${input.domain}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

const botMessage = (c) => c.botMessages()[0];

const scenarios = {
  // Start with a token, get the greeting, post a message, see its echo and the bot's reply.
  async converse() {
    const client = new RecordingClient({ domain: input.domain, token: input.token, webSocket: input.webSocket });
    try {
      const greeting = await client.waitFor('the greeting', botMessage, timeoutMs);
      const exchange = await converse(client, input.text || 'hello from the conformance test', timeoutMs);
      return { ...client.summary(), greetingId: greeting.id, exchange };
    } finally {
      client.end();
    }
  },

  // Leave after one exchange, miss a message and its reply while away, come back with the watermark.
  async resume() {
    const first = new RecordingClient({ domain: input.domain, token: input.token, webSocket: input.webSocket });
    let firstRun;
    try {
      await first.waitFor('the greeting', botMessage, timeoutMs);
      await converse(first, 'first message', timeoutMs);
      firstRun = first.summary();
    } finally {
      first.end();
    }

    const missedClientId = `node-missed-${Date.now().toString(36)}`;
    const missedPost = await http('POST', `/conversations/${firstRun.conversationId}/activities`, firstRun.token, {
      type: 'message', text: 'sent while the client was away', from: { id: 'r_nodeclient' },
      channelData: { clientActivityID: missedClientId },
    });

    const second = new RecordingClient({
      domain: input.domain, token: firstRun.token, webSocket: input.webSocket,
      conversationId: firstRun.conversationId, watermark: firstRun.watermark,
    });
    try {
      const missedEcho = await second.waitFor('the missed echo', (c) => c.echoOf(missedClientId), timeoutMs);
      await second.waitFor('the missed reply', (c) => c.replyTo(missedEcho.id), timeoutMs);
      const live = await converse(second, 'third message, after the resume', timeoutMs);
      // A quiet second (several 200 ms polls) in which a repeated activity would show up.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const log = await http('GET', `/conversations/${firstRun.conversationId}/activities`, firstRun.token);
      return { first: firstRun, missedPost, second: second.summary(), live, serverLog: log.body };
    } finally {
      second.end();
    }
  },

  // The WebSocket drops mid-conversation: the client's own recovery (wait, GET conversation with its
  // watermark, new streamUrl) must deliver what was sent meanwhile, once. Its random 3-15 s back-off is
  // pinned to 3 s through the library's `random` service.
  async socketDrop() {
    const sockets = [];
    const WebSocketImpl = require('ws');
    class TrackedWebSocket extends WebSocketImpl {
      constructor(...args) { super(...args); sockets.push(this); }
    }
    const client = new RecordingClient({
      domain: input.domain, token: input.token, webSocket: true, WebSocket: TrackedWebSocket, random: () => 0,
    });
    try {
      await client.waitFor('the greeting', botMessage, timeoutMs);
      await converse(client, 'before the drop', timeoutMs);
      const watermarkBeforeDrop = client.directLine.watermark;
      sockets[0].terminate();
      const missedClientId = `node-drop-${Date.now().toString(36)}`;
      const missedPost = await http('POST', `/conversations/${client.directLine.conversationId}/activities`, client.directLine.token, {
        type: 'message', text: 'sent while the socket was down', from: { id: 'r_nodeclient' },
        channelData: { clientActivityID: missedClientId },
      });
      const missedEcho = await client.waitFor('the echo sent while down', (c) => c.echoOf(missedClientId), timeoutMs);
      await client.waitFor('its reply', (c) => c.replyTo(missedEcho.id), timeoutMs);
      const live = await converse(client, 'after the reconnect', timeoutMs);
      const log = await http('GET', `/conversations/${client.directLine.conversationId}/activities`, client.directLine.token);
      return { ...client.summary(), socketsOpened: sockets.length, watermarkBeforeDrop, missedPost, live, serverLog: log.body };
    } finally {
      client.end();
    }
  },

  // Token lifetime with the server's clock moved by the test between steps: the client's own refresh
  // call, then the old token expiring while the refreshed one still works, then the refreshed one
  // expiring and the polling client reporting ExpiredToken (403), as Web Chat relies on.
  async tokenLifecycle() {
    const client = new RecordingClient({ domain: input.domain, token: input.token, webSocket: false });
    try {
      await client.waitFor('the greeting', botMessage, timeoutMs);
      const startToken = client.directLine.token;
      await ready('started', { conversationId: client.directLine.conversationId, startToken });

      const refreshed = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('refreshToken timed out')), timeoutMs);
        client.directLine.refreshToken().subscribe(
          (token) => { clearTimeout(timer); resolve(token); },
          (error) => { clearTimeout(timer); reject(new Error(`refreshToken failed: ${error && error.status}`)); });
      });
      client.directLine.token = refreshed; // what the client's refresh loop does with the answer
      const exchange = await converse(client, 'after the token refresh', timeoutMs);
      await ready('refreshed', { refreshed });

      await client.waitFor('the ExpiredToken status', (c) => c.statuses.includes('ExpiredToken'), timeoutMs);
      return { ...client.summary(), startToken, refreshed, exchange };
    } finally {
      client.end();
    }
  },

  // A token of conversation A used to open conversation B: the client must not connect nor see B.
  async foreign() {
    const client = new RecordingClient({
      domain: input.domain, token: input.token, webSocket: input.webSocket, conversationId: input.conversationId,
    });
    try {
      await client.waitFor('a failed connection', (c) => c.statuses.includes('FailedToConnect'), timeoutMs);
      return client.summary();
    } finally {
      client.end();
    }
  },
};

(async () => {
  const name = process.argv[2];
  if (!scenarios[name]) throw new Error(`unknown scenario '${name}'; known: ${Object.keys(scenarios).join(', ')}`);
  const result = await scenarios[name]();
  process.stdout.write(`RESULT ${JSON.stringify({ ok: true, ...result })}\n`);
  process.exit(0);
})().catch((error) => {
  process.stdout.write(`RESULT ${JSON.stringify({ ok: false, error: String(error && error.stack || error) })}\n`);
  process.exit(1);
});
