// The helpline chat page: asks our server for a Direct Line token (the secret stays on the server),
// resumes the same conversation after a reload within the tab, and renders the official Web Chat.
(function () {
  'use strict';

  var storageKey = 'helplinebot.conversation';
  var domain = window.location.origin + '/v3/directline';

  if (new URLSearchParams(window.location.search).get('embed') === '1') {
    document.body.classList.add('embedded');
  }

  function postJson(url, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: '{}' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  // A reload in the same tab keeps the conversation (sessionStorage ends with the tab, so a shared
  // computer does not show the next person this chat).
  function resumeOrStart() {
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null'); } catch (e) { saved = null; }
    if (saved && saved.token && saved.conversationId) {
      return postJson(domain + '/tokens/refresh', saved.token)
        .then(function (refreshed) { return { token: refreshed.token, conversationId: saved.conversationId, resumed: true }; })
        .catch(function () { return startNew(); });
    }
    return startNew();
  }

  function startNew() {
    return postJson('/api/chat/token').then(function (created) {
      return { token: created.token, conversationId: created.conversationId, resumed: false };
    });
  }

  function remember(session) {
    try { sessionStorage.setItem(storageKey, JSON.stringify({ token: session.token, conversationId: session.conversationId })); } catch (e) { /* private mode */ }
  }

  resumeOrStart().then(function (session) {
    remember(session);
    var options = { domain: domain, token: session.token };
    if (session.resumed) {
      options.conversationId = session.conversationId;
      options.watermark = '0';
    }
    var directLine = window.WebChat.createDirectLine(options);
    window.helplineDirectLine = directLine;
    window.WebChat.renderWebChat({
      directLine: directLine,
      locale: navigator.language || 'en-US',
      styleOptions: {
        hideUploadButton: true,
        botAvatarInitials: 'HL',
        bubbleBackground: '#eef4fb',
        bubbleFromUserBackground: '#dcebfa',
        sendBoxTextWrap: true,
        suggestedActionLayout: 'flow'
      }
    }, document.getElementById('webchat'));
    document.querySelector('#webchat').focus();
  }).catch(function () {
    document.getElementById('chat-error').hidden = false;
  });
})();
