// Embeddable chat bubble. Paste one tag into any page of the helpline's site:
//   <script src="https://YOUR-BOT-HOST/launcher.js" async></script>
// It adds a button that opens the confidential chat in a frame served by the bot itself, so the host
// page never sees the conversation and no third party is involved.
(function () {
  'use strict';
  if (window.__helplineLauncher) return;
  window.__helplineLauncher = true;

  var script = document.currentScript;
  var origin = script ? new URL(script.src, window.location.href).origin : window.location.origin;
  var label = (script && script.getAttribute('data-label')) || 'Chat with us, confidentially';

  var style = document.createElement('style');
  style.textContent =
    '.hl-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;' +
    'padding:14px 20px;background:#0b5cab;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;' +
    'box-shadow:0 4px 14px rgba(0,0,0,.25)}' +
    '.hl-launcher:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}' +
    '.hl-frame{position:fixed;right:20px;bottom:84px;z-index:2147483000;width:380px;height:600px;' +
    'max-width:calc(100vw - 40px);max-height:calc(100vh - 110px);border:1px solid #cfdbe8;border-radius:12px;' +
    'background:#fff;box-shadow:0 8px 28px rgba(0,0,0,.25)}';
  document.head.appendChild(style);

  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'hl-launcher';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'hl-chat-frame');

  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.id = 'hl-chat-frame';
      frame.className = 'hl-frame';
      frame.title = 'Confidential helpline chat';
      frame.src = origin + '/?embed=1';
      frame.referrerPolicy = 'no-referrer';
      document.body.appendChild(frame);
    }
    frame.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    button.textContent = 'Close chat';
  }
  function close() {
    if (frame) frame.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.textContent = label;
    button.focus();
  }
  button.addEventListener('click', function () {
    if (button.getAttribute('aria-expanded') === 'true') close(); else open();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') close();
  });

  function attach() { document.body.appendChild(button); }
  if (document.body) attach(); else document.addEventListener('DOMContentLoaded', attach);
})();
