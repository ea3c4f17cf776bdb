'use strict';
// The official Direct Line client in node. botframework-directlinejs is written for browsers: it makes its
// REST calls with XMLHttpRequest (rxjs ajax) and only offers the WebSocket transport when a global
// WebSocket exists, so both are provided here before the library is loaded.
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');

const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const statusNames = Object.fromEntries(Object.entries(ConnectionStatus).filter(([, v]) => typeof v === 'number').map(([k, v]) => [v, k]));

/** A DirectLine instance plus everything it delivered, so scenarios can wait on what arrived. */
class RecordingClient {
  constructor(options) {
    this.directLine = new DirectLine({ pollingInterval: 200, ...options });
    this.activities = [];
    this.statuses = [];
    this.errors = [];
    this.waiters = [];
    this.statusSubscription = this.directLine.connectionStatus$.subscribe((status) => {
      this.statuses.push(statusNames[status] || String(status));
      this.wake();
    });
    this.activitySubscription = this.directLine.activity$.subscribe(
      (activity) => { this.activities.push(activity); this.wake(); },
      (error) => { this.errors.push(String(error && error.message || error)); this.wake(); });
  }

  wake() {
    for (const waiter of this.waiters.slice()) waiter();
  }

  /** Resolves with predicate's first truthy result; rejects after timeoutMs with what is known so far. */
  waitFor(description, predicate, timeoutMs) {
    return new Promise((resolve, reject) => {
      const check = () => {
        let result;
        try { result = predicate(this); } catch (e) { result = undefined; }
        if (result) { done(); resolve(result); }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}; statuses ${this.statuses.join(',')}; ` +
          `received ${this.activities.length} activities; errors ${this.errors.join(';')}`));
      }, timeoutMs);
      const done = () => { clearTimeout(timer); this.waiters = this.waiters.filter((w) => w !== check); };
      this.waiters.push(check);
      check();
    });
  }

  post(activity, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`postActivity timed out after ${timeoutMs} ms`)), timeoutMs);
      this.directLine.postActivity(activity).subscribe(
        (id) => { clearTimeout(timer); resolve(id); },
        (error) => { clearTimeout(timer); reject(new Error(`postActivity failed: ${error && (error.status || error.message)}`)); });
    });
  }

  botMessages() {
    return this.activities.filter((a) => a.type === 'message' && a.from && a.from.role === 'bot');
  }

  echoOf(clientActivityId) {
    return this.activities.find((a) => a.channelData && a.channelData.clientActivityID === clientActivityId);
  }

  replyTo(id) {
    return this.activities.find((a) => a.type === 'message' && a.replyToId === id && a.from && a.from.role === 'bot');
  }

  /** Closes the socket or stops polling, and the token refresh timer. */
  end() {
    this.activitySubscription.unsubscribe();
    this.directLine.end();
    this.statusSubscription.unsubscribe();
  }

  summary() {
    return {
      conversationId: this.directLine.conversationId,
      token: this.directLine.token,
      watermark: this.directLine.watermark,
      statuses: this.statuses,
      errors: this.errors,
      activities: this.activities,
    };
  }
}

/** Posts a message as Web Chat does (a fresh clientActivityID) and waits for its echo and the bot's reply. */
async function converse(client, text, timeoutMs) {
  const clientActivityId = `node-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const postedId = await client.post({
    type: 'message',
    text,
    textFormat: 'plain',
    from: { id: 'r_nodeclient', name: 'conformance', role: 'user' },
    channelData: { clientActivityID: clientActivityId },
  }, timeoutMs);
  const echo = await client.waitFor(`the echo of ${clientActivityId}`, (c) => c.echoOf(clientActivityId), timeoutMs);
  const reply = await client.waitFor(`the reply to ${echo.id}`, (c) => c.replyTo(echo.id), timeoutMs);
  return { clientActivityId, postedId, echo, reply };
}

module.exports = { RecordingClient, converse, ConnectionStatus };
