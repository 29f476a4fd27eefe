/* global window, document, fetch, URLSearchParams, URL, sessionStorage, TextDecoder, AbortController, setInterval, clearInterval, setTimeout, clearTimeout */
// Relais agent console: plain DOM, no framework. Every text from customers or the API is set with
// textContent, never innerHTML, so a customer cannot inject markup into the console.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const state = {
    token: sessionStorage.getItem('relais-agent-token'),
    agent: JSON.parse(sessionStorage.getItem('relais-agent') || 'null'),
    waiting: [],
    mine: [],
    tickets: [],
    fetchedAt: Date.now(),
    openId: null,
    openSeqs: new Set(),
    unread: new Set(),
    stream: null,
    lastEventId: null,
    pendingSend: null,
    heartbeat: null,
    typingSentAt: 0,
    openLanguage: 'fr',
    cannedTimer: null,
    typingTimer: null,
  };

  // The customer's typing shows for a few seconds after each (throttled) event.
  function showCustomerTyping() {
    $('typing').hidden = false;
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(() => {
      $('typing').hidden = true;
    }, 5000);
  }

  function hideCustomerTyping() {
    clearTimeout(state.typingTimer);
    $('typing').hidden = true;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function status(text) {
    $('status').textContent = text;
  }

  async function api(method, path, body) {
    const res = await fetch('/api/agent' + path, {
      method,
      headers: Object.assign(
        { authorization: 'Bearer ' + state.token },
        body === undefined ? {} : { 'content-type': 'application/json' },
      ),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (res.status === 401) {
      logout();
      throw new Error('session expirée');
    }
    if (!res.ok) throw new Error((json.error && json.error.message) || 'erreur ' + res.status);
    return json;
  }

  // An audible alert: a short beep made with WebAudio (no file to load).
  let audio = null;
  function beep() {
    try {
      audio = audio || new window.AudioContext();
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.1;
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.2);
    } catch {
      // No audio (autoplay policy or no device): the visual alert remains.
    }
  }

  function alertNew() {
    $('alert').hidden = false;
    document.title = '(!) Relais — console conseiller';
    beep();
  }

  function clearAlert() {
    $('alert').hidden = true;
    document.title = 'Relais — console conseiller';
  }

  function minutes(ms) {
    const total = Math.floor(ms / 1000);
    return Math.floor(total / 60) + ' min ' + String(total % 60).padStart(2, '0') + ' s';
  }

  function renderList(listId, items, waiting) {
    const list = $(listId);
    list.replaceChildren();
    for (const item of items) {
      const li = el('li');
      li.dataset.id = item.id;
      if (item.id === state.openId) li.classList.add('selected');
      if (state.unread.has(item.id)) li.classList.add('unread');
      const head = el('div', 'meta');
      const priority = el(
        'span',
        item.priority === 'vip' ? 'vip' : '',
        (item.priority || 'standard').toUpperCase(),
      );
      head.append(priority, ' · ', (item.language || '?').toUpperCase(), ' · ', item.reason || '');
      if (waiting && item.waitMs !== undefined) {
        const wait = el('span', 'wait');
        wait.dataset.waitMs = String(item.waitMs);
        head.append(' · ', wait);
      }
      li.append(head, el('div', 'first', (item.firstLines || []).join(' / ')));
      li.addEventListener('click', () => openConversation(item.id));
      list.append(li);
    }
    tickWaits();
  }

  function tickWaits() {
    const elapsed = Date.now() - state.fetchedAt;
    for (const node of document.querySelectorAll('.wait')) {
      node.textContent = 'attend depuis ' + minutes(Number(node.dataset.waitMs) + elapsed);
    }
  }

  async function refreshQueue() {
    const view = await api('GET', '/queue');
    state.waiting = view.waiting;
    state.mine = view.mine;
    state.fetchedAt = Date.now();
    renderList('waiting', state.waiting, true);
    renderList('mine', state.mine, false);
    await refreshTickets();
  }

  async function refreshTickets() {
    state.tickets = (await api('GET', '/tickets')).tickets;
    const list = $('tickets');
    list.replaceChildren();
    for (const ticket of state.tickets) {
      const li = el('li');
      li.dataset.id = ticket.id;
      if (ticket.id === state.openId) li.classList.add('selected');
      const who = [ticket.contact.name, ticket.contact.email].filter(Boolean).join(' · ') || 'anonyme';
      const opened = ticket.openedAt ? new Date(ticket.openedAt).toLocaleString() : '';
      li.append(
        el('div', 'meta', (ticket.language || '?').toUpperCase() + ' · ' + opened + ' · ' + who),
        el('div', 'first', (ticket.firstLines || []).join(' / ')),
      );
      li.addEventListener('click', () => openConversation(ticket.id));
      list.append(li);
    }
  }

  function addLine(line) {
    if (line.seq !== undefined) {
      if (state.openSeqs.has(line.seq)) return;
      state.openSeqs.add(line.seq);
    }
    const who =
      line.from === 'note'
        ? 'Note interne de ' + (line.agentId || '?') + ' — invisible pour le client'
        : { customer: 'Client', bot: 'Assistant', agent: 'Conseiller', system: '' }[line.from] || line.from;
    const li = el('li', line.from);
    if (who) li.append(el('span', 'who', who + ' · ' + new Date(line.at).toLocaleTimeString()));
    li.append(document.createTextNode(line.text));
    for (const file of line.attachments || []) li.append(attachmentButton(file));
    $('transcript').append(li);
    $('transcript').scrollTop = $('transcript').scrollHeight;
  }

  // A file the customer sent: fetched with the session token (never a bare link), saved by the browser.
  function attachmentButton(file) {
    const button = el(
      'button',
      'attachment',
      'Fichier : ' + file.name + ' (' + Math.ceil(file.size / 1024) + ' Ko)',
    );
    button.type = 'button';
    button.addEventListener('click', () =>
      act(async () => {
        const res = await fetch('/api/agent/uploads/' + encodeURIComponent(file.uploadId), {
          headers: { authorization: 'Bearer ' + state.token },
        });
        if (!res.ok) throw new Error('fichier indisponible (' + res.status + ')');
        const url = URL.createObjectURL(await res.blob());
        const link = el('a');
        link.href = url;
        link.download = file.name;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      }),
    );
    return button;
  }

  function renderContext(context, conversation) {
    const dl = $('context');
    dl.replaceChildren();
    const add = (term, value) => {
      if (value === undefined || value === null || value === '') return;
      dl.append(el('dt', '', term), el('dd', '', value));
    };
    add('État', conversation.state);
    add('Langue', context.language || conversation.language);
    add('Déclencheur', context.trigger || conversation.reason);
    add('Dernier message', context.lastMessage);
    if (context.customer) {
      const c = context.customer;
      add('Client', [c.name, c.email, c.vip ? 'VIP' : '', c.b2b ? 'B2B' : ''].filter(Boolean).join(' · '));
    }
    if (context.match) {
      add(
        'Décision',
        context.match.decision + ' (confiance ' + Number(context.match.confidence).toFixed(2) + ')',
      );
      const candidates = (context.match.candidates || [])
        .slice(0, 3)
        .map((c) => c.question + ' — ' + Number(c.score).toFixed(2))
        .join('\n');
      add('Candidats', candidates);
    }
  }

  async function openConversation(id) {
    state.openId = id;
    state.unread.delete(id);
    state.openSeqs = new Set();
    hideCustomerTyping();
    let view;
    try {
      view = await api('GET', '/conversations/' + encodeURIComponent(id));
    } catch (err) {
      status(err.message);
      return;
    }
    $('empty').hidden = true;
    $('open').hidden = false;
    $('conv-title').textContent = 'Conversation ' + id;
    renderContext(view.context, view.conversation);
    state.openLanguage = view.conversation.language || view.context.language || 'fr';
    $('canned-search').value = '';
    $('canned').replaceChildren();
    $('transcript').replaceChildren();
    for (const line of view.botTranscript) addLine(line);
    for (const line of view.lines) addLine(line);
    const mine = view.conversation.state === 'with-agent';
    const ticket = view.conversation.state === 'ticket';
    $('claim').hidden = mine || ticket;
    $('ticket-form').hidden = !ticket;
    for (const id of [
      'release',
      'hand-back',
      'resolve',
      'resolve-reason',
      'reply-form',
      'transfer-box',
      'transfer-note',
      'transfer',
    ])
      $(id).hidden = !mine;
    // Notes: on any conversation the agent may open (the server checks the same rule).
    $('note-form').hidden = false;
    if (mine) void loadTransferTargets().catch((e) => status(e.message));
    renderList('waiting', state.waiting, true);
    renderList('mine', state.mine, false);
  }

  // Canned answers: KB entries in the conversation's language; a click puts the answer in the reply box.
  async function searchCanned() {
    const q = $('canned-search').value.trim();
    const params = new URLSearchParams({ language: state.openLanguage, q });
    const { answers } = await api('GET', '/canned?' + params.toString());
    const list = $('canned');
    list.replaceChildren();
    for (const answer of answers) {
      const li = el('li');
      li.append(el('div', 'first', answer.question), el('div', 'meta', answer.answer));
      li.addEventListener('click', () => insertAnswer(answer.answer));
      list.append(li);
    }
  }

  function insertAnswer(text) {
    const box = $('ticket-form').hidden ? $('reply') : $('ticket-answer');
    box.value = box.value.trim() ? box.value.replace(/\s*$/, '') + '\n' + text : text;
    box.focus();
  }

  // Transfer targets: colleagues online now, then the queues of each language.
  async function loadTransferTargets() {
    const { agents, queues } = await api('GET', '/colleagues');
    const select = $('transfer-target');
    select.replaceChildren();
    for (const agent of agents) {
      const option = el('option', '', agent.name + ' (' + agent.languages.join(', ').toUpperCase() + ')');
      option.value = JSON.stringify({ kind: 'agent', agentId: agent.id });
      select.append(option);
    }
    for (const language of queues) {
      const option = el('option', '', 'File ' + language.toUpperCase());
      option.value = JSON.stringify({ kind: 'queue', language });
      select.append(option);
    }
  }

  async function act(fn) {
    try {
      const message = await fn();
      status(typeof message === 'string' ? message : '');
    } catch (err) {
      status(err.message);
    }
  }

  async function closeOpen() {
    state.openId = null;
    $('open').hidden = true;
    $('empty').hidden = false;
    await refreshQueue();
  }

  function onEvent(type, data) {
    if (type === 'queued') {
      alertNew();
      void refreshQueue();
    } else if (type === 'queue-changed') {
      void refreshQueue();
    } else if (type === 'reset') {
      // The server could not replay what this console missed: reload the queue and the open conversation.
      void refreshQueue().catch(() => undefined);
      if (state.openId) void openConversation(state.openId);
    } else if (type === 'conversation-ended') {
      if (data.conversationId === state.openId) {
        for (const id of [
          'release',
          'hand-back',
          'resolve',
          'resolve-reason',
          'reply-form',
          'claim',
          'transfer-box',
          'transfer-note',
          'transfer',
        ])
          $(id).hidden = true;
        status('Conversation terminée : le client est parti (' + data.reason + ').');
      }
      void refreshQueue().catch(() => undefined);
    } else if (type === 'transferred') {
      // A colleague handed this agent a conversation: alert, and show it among theirs.
      alertNew();
      state.unread.add(data.conversationId);
      void refreshQueue().catch(() => undefined);
    } else if (type === 'mention') {
      showMention(data);
    } else if (type === 'customer-typing') {
      if (data.conversationId === state.openId) showCustomerTyping();
    } else if (type === 'customer-message') {
      if (data.conversationId === state.openId) {
        hideCustomerTyping();
        addLine(data.line);
      } else {
        state.unread.add(data.conversationId);
        beep();
        renderList('mine', state.mine, false);
      }
    }
  }

  // Server-Sent Events read with fetch, so the token stays in a header (not in the URL).
  async function listen() {
    const controller = new AbortController();
    state.stream = controller;
    try {
      // After a drop, Last-Event-ID asks the server for what was missed meanwhile.
      const headers = { authorization: 'Bearer ' + state.token };
      if (state.lastEventId !== null) headers['last-event-id'] = state.lastEventId;
      const res = await fetch('/api/agent/events', {
        headers,
        signal: controller.signal,
      });
      if (res.status === 401) return logout();
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('id: ')) state.lastEventId = line.slice(4);
            else if (line.startsWith('event: ')) type = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) onEvent(type, JSON.parse(data));
        }
      }
    } catch {
      // Aborted (logout) or dropped: reconnect below unless logged out.
    }
    if (state.stream === controller && state.token) {
      setTimeout(() => {
        void refreshQueue().catch(() => undefined);
        void listen();
      }, 2000);
    }
  }

  async function setPresence(presence) {
    await api('POST', '/presence', { presence });
    clearInterval(state.heartbeat);
    if (presence !== 'offline') {
      state.heartbeat = setInterval(
        () => void api('POST', '/heartbeat').catch((e) => status(e.message)),
        10000,
      );
    }
    await refreshQueue();
  }

  function showConsole() {
    $('login').hidden = true;
    $('console').hidden = false;
    $('agent-name').textContent = state.agent ? state.agent.name : '';
    void act(() => setPresence($('presence').value));
    void listen();
  }

  function logout() {
    if (state.token)
      void fetch('/api/agent/presence', {
        method: 'POST',
        headers: { authorization: 'Bearer ' + state.token, 'content-type': 'application/json' },
        body: JSON.stringify({ presence: 'offline' }),
      }).catch(() => undefined);
    state.token = null;
    sessionStorage.removeItem('relais-agent-token');
    sessionStorage.removeItem('relais-agent');
    clearInterval(state.heartbeat);
    if (state.stream) state.stream.abort();
    state.stream = null;
    state.lastEventId = null;
    $('console').hidden = true;
    $('login').hidden = false;
  }

  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new window.FormData(event.target);
    const res = await fetch('/api/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: form.get('agentId'), password: form.get('password') }),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) {
      $('login-error').textContent = (json.error && json.error.message) || 'connexion impossible';
      return;
    }
    $('login-error').textContent = '';
    state.token = json.token;
    state.agent = json.agent;
    sessionStorage.setItem('relais-agent-token', json.token);
    sessionStorage.setItem('relais-agent', JSON.stringify(json.agent));
    showConsole();
  });

  $('presence').addEventListener('change', (e) => void act(() => setPresence(e.target.value)));
  $('logout').addEventListener('click', logout);
  $('alert').addEventListener('click', clearAlert);
  document.addEventListener('click', clearAlert);
  $('claim-next').addEventListener('click', () =>
    act(async () => {
      const conversation = await api('POST', '/claim-next');
      await refreshQueue();
      await openConversation(conversation.id);
    }),
  );
  $('claim').addEventListener('click', () =>
    act(async () => {
      await api('POST', '/conversations/' + encodeURIComponent(state.openId) + '/claim');
      await refreshQueue();
      await openConversation(state.openId);
    }),
  );
  $('release').addEventListener('click', () =>
    act(async () => {
      await api('POST', '/conversations/' + encodeURIComponent(state.openId) + '/release');
      await closeOpen();
    }),
  );
  $('transfer').addEventListener('click', () =>
    act(async () => {
      const choice = $('transfer-target').value;
      if (!choice) throw new Error('choisissez à qui transférer');
      const note = $('transfer-note').value.trim();
      await api(
        'POST',
        '/conversations/' + encodeURIComponent(state.openId) + '/transfer',
        Object.assign({ target: JSON.parse(choice) }, note ? { note } : {}),
      );
      $('transfer-note').value = '';
      const label = $('transfer-target').selectedOptions[0].textContent;
      await closeOpen();
      return 'Conversation transférée : ' + label + '.';
    }),
  );
  $('hand-back').addEventListener('click', () =>
    act(async () => {
      await api('POST', '/conversations/' + encodeURIComponent(state.openId) + '/hand-back');
      await closeOpen();
    }),
  );
  $('resolve').addEventListener('click', () =>
    act(async () => {
      const reason = $('resolve-reason').value.trim() || 'résolu';
      await api('POST', '/conversations/' + encodeURIComponent(state.openId) + '/resolve', { reason });
      $('resolve-reason').value = '';
      await closeOpen();
    }),
  );
  $('reply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('reply').value.trim();
    if (!text) return;
    // A failed send keeps its id: sending the same text again is a retry, delivered once.
    const pending = state.pendingSend;
    if (!pending || pending.text !== text || pending.conversationId !== state.openId)
      state.pendingSend = {
        text,
        conversationId: state.openId,
        id: Date.now().toString(36) + Math.random().toString(36).slice(2, 12),
      };
    const clientMessageId = state.pendingSend.id;
    void act(async () => {
      const line = await api('POST', '/conversations/' + encodeURIComponent(state.openId) + '/messages', {
        text,
        clientMessageId,
      });
      state.pendingSend = null;
      $('reply').value = '';
      addLine(line);
    });
  });
  // The customer sees "typing…" while the agent writes: at most one request every 3 s.
  $('reply').addEventListener('input', () => {
    if (!state.openId || Date.now() - state.typingSentAt < 3000 || !$('reply').value.trim()) return;
    state.typingSentAt = Date.now();
    void api('POST', '/conversations/' + encodeURIComponent(state.openId) + '/typing').catch(() => undefined);
  });
  $('canned-search').addEventListener('input', () => {
    clearTimeout(state.cannedTimer);
    state.cannedTimer = setTimeout(() => void act(searchCanned), 200);
  });
  $('canned-box').addEventListener('toggle', () => {
    if ($('canned-box').open) void act(searchCanned);
  });
  $('ticket-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('ticket-answer').value.trim();
    if (!text) return;
    void act(async () => {
      const done = await api('POST', '/tickets/' + encodeURIComponent(state.openId) + '/answer', { text });
      $('ticket-answer').value = '';
      await closeOpen();
      return (
        'Ticket répondu. E-mail : ' +
        (done.email.sent ? 'envoyé' : 'non envoyé (' + done.email.why + ')') +
        '. Chat : ' +
        (done.deliveredInChat ? 'message remis.' : 'client absent.')
      );
    });
  });
  $('reply').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('reply-form').requestSubmit();
    }
  });

  // ---- Internal notes and @mentions (agents only; the server never relays them to the customer).
  const mentionsShown = [];

  // A colleague named this agent in a note: a toast that opens the conversation, and a count.
  function showMention(data) {
    beep();
    const item = el('li');
    const button = el(
      'button',
      'mention',
      '@ ' +
        data.fromName +
        ' vous a mentionné (conversation ' +
        data.conversationId +
        ') :\n' +
        data.excerpt,
    );
    button.type = 'button';
    button.addEventListener('click', () => {
      item.remove();
      mentionsShown.splice(mentionsShown.indexOf(item), 1);
      renderMentionBadge();
      void openConversation(data.conversationId);
    });
    item.append(button);
    $('mentions').append(item);
    mentionsShown.push(item);
    renderMentionBadge();
  }

  function renderMentionBadge() {
    $('mention-badge').hidden = mentionsShown.length === 0;
    $('mention-badge').textContent =
      mentionsShown.length + (mentionsShown.length > 1 ? ' mentions' : ' mention');
  }

  $('note-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('note').value.trim();
    if (!text || !state.openId) return;
    void act(async () => {
      const line = await api('POST', '/conversations/' + encodeURIComponent(state.openId) + '/notes', {
        text,
      });
      $('note').value = '';
      addLine(line);
      return 'Note interne ajoutée.';
    });
  });

  setInterval(tickWaits, 1000);
  if (state.token) showConsole();
})();
