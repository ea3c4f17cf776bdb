// The advisor console: live queue, chat pane, presence and the supervisor view, over the SignalR hub.
// Everything the person wrote is shown with textContent, never as HTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { me: null, queue: [], advisors: [], openId: null, linkedId: null, alerted: new Set(), typingTimer: null, lastTyping: 0, seemGone: new Set(), leftAlertUntil: 0 };
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/advisor/hub")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .build();

  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "class") node.className = value;
      else if (key.startsWith("aria-") || key === "role" || key.startsWith("data-")) node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) node.append(child);
    return node;
  };

  const minutesSeconds = (ms) => {
    const total = Math.max(0, Math.floor(ms / 1000));
    const m = Math.floor(total / 60), s = total % 60;
    return `${m}:${String(s).padStart(2, "0")}`;
  };
  const spokenWait = (ms) => {
    const total = Math.max(0, Math.floor(ms / 1000));
    const m = Math.floor(total / 60);
    return m > 0 ? `${m} minute${m === 1 ? "" : "s"}` : `${total} seconds`;
  };
  const reasonLabel = (entry) => entry.isCrisis
    ? `Crisis${entry.crisisCategory ? " (" + entry.crisisCategory.replace("crisis_", "").replaceAll("_", " ") + ")" : ""}`
    : entry.reason === "callback" ? "Call back" : "Asked for a person";
  const visitorLabel = (entry) => entry.context?.name || `Visitor ${entry.visitor.conversationId.slice(0, 6)}`;
  const clock = (iso) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

  // ---- queue -------------------------------------------------------------------------------------
  function renderQueue() {
    const list = $("queue");
    list.replaceChildren();
    const now = Date.now();
    const visible = state.queue.filter((e) => e.state === "queued" || e.advisorId === state.me?.id
      || (e.state === "transferred" && e.transferTo === state.me?.id) || state.me?.isSupervisor);
    for (const entry of visible) {
      const waited = now - Date.parse(entry.queuedAt);
      const mine = entry.advisorId === state.me?.id && entry.state !== "transferred";
      const offeredToMe = entry.state === "transferred" && entry.transferTo === state.me?.id;
      const badge = el("span", { class: entry.isCrisis ? "badge crisis" : "badge" }, entry.isCrisis ? "Crisis" : "Request");
      const name = el("span", {}, `${visitorLabel(entry)} · ${reasonLabel(entry)}`);
      const wait = el("span", { class: "wait", "data-queued-at": entry.queuedAt, title: "Waiting time" }, minutesSeconds(waited));
      const item = el("li", { class: [mine ? "mine" : "", entry.id === state.linkedId ? "linked" : ""].join(" ").trim(), "data-handoff": entry.id }, badge, name, wait);
      let action;
      if (entry.state === "queued" || offeredToMe) {
        action = el("button", { type: "button", "aria-label": `Accept ${visitorLabel(entry)}, ${reasonLabel(entry)}, waiting ${spokenWait(waited)}` }, "Accept");
        action.addEventListener("click", () => accept(entry.id, action));
      } else if (mine || state.me?.isSupervisor) {
        action = el("button", { type: "button", class: "secondary", "aria-label": `Open chat with ${visitorLabel(entry)}` }, "Open");
        action.addEventListener("click", () => openChat(entry.id));
      }
      const gone = state.seemGone.has(entry.id) ? " · the person seems to have left" : "";
      const detail = el("span", { class: "detail" }, (entry.state === "queued" ? "Waiting" : entry.state === "transferred" ? "Being transferred" : `With ${entry.advisorName ?? "an advisor"}`) + gone);
      item.append(detail);
      if (action) item.append(action);
      list.append(item);
    }
    const waiting = state.queue.filter((e) => e.state === "queued").length;
    $("queueCount").textContent = `(${waiting} waiting)`;
    $("queueEmpty").hidden = visible.length > 0;
    const crisisWaiting = state.queue.filter((e) => e.state === "queued" && e.isCrisis);
    // A crisis flagged inside a chat stays shown while that chat is open in the queue.
    if (state.chatAlertShown && !state.queue.some((e) => e.id === state.chatAlertShown)) state.chatAlertShown = null;
    if (crisisWaiting.length === 0 && !state.chatAlertShown && Date.now() > state.leftAlertUntil) $("crisisAlert").hidden = true;
  }

  function tickWaits() {
    const now = Date.now();
    for (const node of document.querySelectorAll(".wait[data-queued-at]")) node.textContent = minutesSeconds(now - Date.parse(node.dataset.queuedAt));
  }

  function alertCrisis(entry) {
    const box = $("crisisAlert");
    if (entry.state === "abandoned") {
      // Nothing to accept any more, so no sound; but the alert must not vanish as if a colleague had taken the person.
      box.textContent = `The person in crisis (${visitorLabel(entry)}) left the chat at ${clock(entry.closedAt)} before an advisor answered. ` +
        "Supervisors see them on the follow-up list.";
      box.hidden = false;
      state.leftAlertUntil = Date.now() + 5 * 60 * 1000;
      return;
    }
    state.leftAlertUntil = 0;
    box.textContent = entry.state === "queued"
      ? `Crisis waiting: ${visitorLabel(entry)} · ${reasonLabel(entry)}. Accept from the queue.`
      : `Crisis in the chat with ${visitorLabel(entry)} (${entry.advisorName ?? "an advisor"}): ${reasonLabel(entry)}.`;
    box.hidden = false;
    if (entry.state !== "queued") state.chatAlertShown = entry.id;
    const alertKey = `${entry.id}:${entry.state === "queued" ? "queued" : "chat"}`;
    if (!state.alerted.has(alertKey)) {
      state.alerted.add(alertKey);
      beep();
      if (document.hidden) document.title = "(!) Crisis waiting · Advisor console";
    }
  }

  // A short two-tone sound made in the page: no media file, no third-party request.
  let audio;
  function beep() {
    try {
      audio ??= new AudioContext();
      for (const [offset, frequency] of [[0, 880], [0.25, 660], [0.5, 880]]) {
        const osc = audio.createOscillator(), gain = audio.createGain();
        osc.frequency.value = frequency;
        gain.gain.value = 0.2;
        osc.connect(gain).connect(audio.destination);
        osc.start(audio.currentTime + offset);
        osc.stop(audio.currentTime + offset + 0.2);
      }
    } catch { /* sound is a courtesy: the visible alert stands on its own */ }
  }

  async function accept(id, button) {
    button.disabled = true;
    const result = await connection.invoke("Accept", id);
    if (result.won) {
      if (state.linkedId === id) { state.linkedId = null; $("linkStatus").hidden = true; }
      await openChat(id);
      $("messageText").focus();
    } else {
      status("Another advisor accepted this conversation first.");
      button.disabled = false;
    }
  }

  // ---- chat pane ---------------------------------------------------------------------------------
  async function openChat(id) {
    const detail = await connection.invoke("Open", id);
    if (!detail) {
      if (sessionStorage.getItem("openHandoff") === id) sessionStorage.removeItem("openHandoff");
      status("This conversation is no longer available.");
      return;
    }
    state.openId = id;
    sessionStorage.setItem("openHandoff", id);
    const entry = detail.entry;
    $("chatTitle").textContent = `Chat with ${visitorLabel(entry)} · ${reasonLabel(entry)}`;
    $("chatBody").hidden = false;
    renderContext(entry);
    $("transcript").replaceChildren();
    for (const message of detail.messages) appendMessage(message);
    status("");
    updateComposer(entry);
  }

  function renderContext(entry) {
    const dl = $("context");
    dl.replaceChildren();
    const add = (term, value) => { if (value) dl.append(el("dt", {}, term), el("dd", {}, value)); };
    add("Reason", reasonLabel(entry));
    add("Name given", entry.context?.name);
    add("Topics", (entry.context?.topics ?? []).join(", "));
    for (const [question, answer] of Object.entries(entry.context?.answers ?? {})) add(question, answer);
    add("Safety evidence", (entry.context?.safetyEvidence ?? []).map((e) => `“${e}”`).join("; "));
    add("Call back number", entry.callbackPhone);
    add("Queued at", new Date(entry.queuedAt).toLocaleTimeString());
  }

  function appendMessage(message) {
    const who = message.sender === "visitor" ? (message.senderName || "Visitor") : message.sender === "advisor" ? `${message.senderName} (advisor)` : "Bot";
    const item = el("li", { class: message.sender },
      el("time", { dateTime: message.at }, new Date(message.at).toLocaleTimeString()),
      el("span", { class: "who" }, who + ":"),
      el("span", { class: "text" }, message.text));
    const log = $("transcript");
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  function updateComposer(entry) {
    const mine = entry && entry.advisorId === state.me?.id && entry.state === "active";
    for (const id of ["messageText", "sendButton", "cannedSelect", "cannedInsert", "transferTo", "transferButton"]) $(id).disabled = !mine;
    $("endButton").disabled = !(mine || (state.me?.isSupervisor && entry && ["assigned", "active", "transferred"].includes(entry.state)));
    if (entry && !["queued", "assigned", "active", "transferred"].includes(entry.state)) status(entry.state === "abandoned" ? "The person left this chat." : `This chat is ${entry.state}.`);
    renderGone();
  }

  // Shown, never acted on: the advisor decides whether to end a chat whose person seems to have gone.
  function renderGone() {
    const gone = state.openId !== null && state.seemGone.has(state.openId);
    $("visitorGone").hidden = !gone;
  }

  function status(text) { $("chatStatus").textContent = text; }

  function renderTransferTargets() {
    const select = $("transferTo");
    select.replaceChildren(el("option", { value: "" }, "Back to the queue"));
    for (const advisor of state.advisors) {
      if (advisor.id !== state.me?.id) select.append(el("option", { value: advisor.id }, `${advisor.name} (${advisor.status})`));
    }
  }

  $("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = $("messageText");
    const text = box.value.trim();
    if (!text || !state.openId) return;
    const sent = await connection.invoke("Send", state.openId, text);
    if (sent) box.value = "";
    else status("The message could not be sent: the chat is not yours or has ended.");
    box.focus();
  });
  $("messageText").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); $("composer").requestSubmit(); }
  });
  $("messageText").addEventListener("input", () => {
    const now = Date.now();
    if (state.openId && now - state.lastTyping > 2500) {
      state.lastTyping = now;
      connection.invoke("Typing", state.openId).catch(() => {});
    }
  });
  $("cannedInsert").addEventListener("click", () => {
    const text = $("cannedSelect").value;
    if (!text) return;
    const box = $("messageText");
    box.value = box.value ? `${box.value} ${text}` : text;
    box.focus();
  });
  $("transferButton").addEventListener("click", async () => {
    if (!state.openId) return;
    const done = await connection.invoke("Transfer", state.openId, $("transferTo").value || null);
    status(done ? "Transferred." : "The transfer was refused.");
    if (done) closeChat();
  });
  $("endButton").addEventListener("click", async () => {
    if (!state.openId || !confirm("End this chat and hand the person back to the bot?")) return;
    const done = await connection.invoke("End", state.openId);
    status(done ? "Chat ended. The bot has resumed." : "The chat could not be ended.");
    if (done) updateComposer(null);
  });
  $("presence").addEventListener("change", () => connection.invoke("SetPresence", $("presence").value));

  function closeChat() {
    state.openId = null;
    sessionStorage.removeItem("openHandoff");
    updateComposer(null);
  }

  // ---- hub events --------------------------------------------------------------------------------
  connection.on("QueueChanged", (open) => {
    state.queue = open;
    renderQueue();
    const current = open.find((e) => e.id === state.openId);
    if (state.openId) updateComposer(current ?? null);
  });
  connection.on("CrisisAlert", (entry) => alertCrisis(entry));
  connection.on("Message", (handoffId, message) => {
    if (handoffId === state.openId) {
      appendMessage(message);
      if (message.sender === "visitor") $("visitorTyping").textContent = "";
    }
  });
  connection.on("VisitorTyping", (handoffId) => {
    if (handoffId !== state.openId) return;
    $("visitorTyping").textContent = "The person is typing…";
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(() => { $("visitorTyping").textContent = ""; }, 4000);
  });
  connection.on("VisitorsSeemGone", (ids) => {
    const changed = ids.length !== state.seemGone.size || ids.some((id) => !state.seemGone.has(id));
    state.seemGone = new Set(ids);
    if (changed) { renderQueue(); renderGone(); }
  });
  connection.on("PresenceChanged", (advisors) => { state.advisors = advisors; renderTransferTargets(); });

  // ---- supervisor --------------------------------------------------------------------------------
  const duration = (text) => {
    if (!text) return "–";
    const [h, m, s] = text.split(":");
    const seconds = Math.round(parseFloat(s));
    return `${parseInt(h, 10) * 60 + parseInt(m, 10)}:${String(seconds).padStart(2, "0")}`;
  };
  async function refreshSupervisor() {
    if (!state.me?.isSupervisor || connection.state !== "Connected") return;
    const view = await connection.invoke("GetSupervisorView");
    const f = view.figures;
    const figures = [
      ["Queue length", f.queueLength], ["Longest wait (m:ss)", duration(f.longestWait)], ["Active chats", f.activeChats],
      ["Handled today", f.handledToday], ["Median first reply (m:ss)", duration(f.medianFirstReply)], ["Open call backs", f.openCallbacks],
      ["Crisis first reply: met / missed", `${f.crisis.met} / ${f.crisis.missed}`], ["Other first reply: met / missed", `${f.nonCrisis.met} / ${f.nonCrisis.missed}`],
      ["Left before the end today", `${f.leftToday} (${f.crisisLeftToday} crisis)`],
    ];
    $("figures").replaceChildren(...figures.map(([term, value]) => el("div", {}, el("dt", {}, term), el("dd", {}, String(value)))));
    $("callbacks").replaceChildren(...view.callbacks.map((c) => el("li", {}, `${c.callbackPhone ?? "no number"} · requested ${new Date(c.queuedAt).toLocaleString()} · ${reasonLabel(c)}`)));
    $("crisisLeft").replaceChildren(...view.crisisLeft.map((c) => {
      const open = el("button", { type: "button", class: "secondary", "aria-label": `Read the chat with ${visitorLabel(c)}` }, "Read");
      open.addEventListener("click", () => openChat(c.id));
      return el("li", {}, `${visitorLabel(c)} · ${reasonLabel(c)} · queued ${clock(c.queuedAt)} · left ${clock(c.closedAt)}` +
        (c.firstReplyAt ? " · an advisor had answered" : " · no advisor had answered") + " ", open);
    }));
    $("crisisLeftEmpty").hidden = view.crisisLeft.length > 0;
    $("audit").replaceChildren(...view.audit.map((a) => el("tr", {},
      el("td", {}, new Date(a.at).toLocaleTimeString()), el("td", {}, a.advisorName), el("td", {}, a.action), el("td", {}, a.handoffId.slice(0, 8)))));
  }

  // ---- deep link ---------------------------------------------------------------------------------
  // A Teams alert links to /advisor/?handoff={id}. A waiting person is marked in the queue and the Accept
  // button focused (accepting stays the advisor's own click); a chat this advisor may see is opened.
  const linkStatus = (text) => { $("linkStatus").textContent = text; $("linkStatus").hidden = false; };
  async function followDeepLink() {
    const params = new URLSearchParams(location.search);
    const id = params.get("handoff");
    if (!id) return false;
    params.delete("handoff");
    history.replaceState(null, "", location.pathname + (params.size ? `?${params}` : "") + location.hash);
    const entry = state.queue.find((e) => e.id === id);
    if (entry?.state === "queued") {
      state.linkedId = id;
      renderQueue();
      const item = [...document.querySelectorAll("#queue li")].find((li) => li.dataset.handoff === id);
      item?.scrollIntoView({ block: "center" });
      item?.querySelector("button")?.focus();
      linkStatus(`From the Teams alert: ${reasonLabel(entry)}, waiting. Accept it from the queue.`);
    } else if (entry && (entry.advisorId === state.me.id || state.me.isSupervisor)) {
      await openChat(id);
    } else {
      linkStatus("The conversation from that link is no longer waiting: another advisor has it, or it has ended.");
    }
    return true;
  }

  // ---- start -------------------------------------------------------------------------------------
  async function loadState() {
    const snapshot = await connection.invoke("GetState");
    state.me = snapshot.me;
    state.queue = snapshot.queue;
    state.advisors = snapshot.advisors;
    $("me").textContent = `${state.me.displayName}${state.me.isSupervisor ? " (supervisor)" : ""}`;
    $("supervisor").hidden = !state.me.isSupervisor;
    renderTransferTargets();
    renderQueue();
    for (const entry of state.queue.filter((e) => e.state === "queued" && e.isCrisis)) alertCrisis(entry);
    // A reload mid-chat reopens the chat the advisor had open, or the one they hold.
    // An ended chat the advisor had open reopens read-only, so a reload never hides what was said.
    if (await followDeepLink()) { await refreshSupervisor(); return; }
    const remembered = sessionStorage.getItem("openHandoff");
    const held = remembered ?? state.queue.find((e) => e.advisorId === state.me.id && e.state === "active")?.id;
    if (held) await openChat(held);
    await refreshSupervisor();
  }

  async function loadSession() {
    const response = await fetch("/advisor/api/me", { credentials: "same-origin" });
    if (response.status === 401) { location.href = "/advisor/signin"; return; }
    const session = await response.json();
    $("signoutToken").value = session.antiforgeryToken;
    const canned = await (await fetch("/advisor/api/canned", { credentials: "same-origin" })).json();
    $("cannedSelect").append(...canned.map((c) => el("option", { value: c.text }, c.title)));
  }

  const setConnection = (text) => { $("connection").textContent = text; };
  connection.onreconnecting(() => setConnection("Reconnecting…"));
  connection.onreconnected(async () => { setConnection("Connected"); await loadState(); });
  connection.onclose(() => setConnection("Disconnected: reload the page"));

  updateComposer(null);
  setInterval(tickWaits, 1000);
  setInterval(() => refreshSupervisor().catch(() => {}), 15000);
  loadSession()
    .then(() => connection.start())
    .then(() => { setConnection("Connected"); return loadState(); })
    .catch(() => setConnection("Could not connect: reload the page"));
})();
