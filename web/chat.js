/* global window, document, localStorage, navigator, fetch, URLSearchParams, setTimeout, setInterval, clearInterval */
// The chat window: gets a Direct Line token from Relais, starts (or resumes) a conversation on the
// local Direct Line endpoint and renders the official Web Chat.
//
// One visitor, one conversation: the conversation id and token are kept in localStorage, which every
// tab of this site shares, so a reload or a second tab shows the same conversation (both poll it).
// Only one tab at a time may decide which conversation to use (a Web Lock), so two tabs opened at
// once do not start two. The visitor gets a new conversation when the server says the old one is
// over (an endOfConversation activity), when its token expired (TOKEN_TTL_SECONDS after the last
// open tab refreshed it), when the server no longer has it (404), or with "Nouvelle conversation";
// the other tabs follow (storage event).
(function () {
  'use strict';

  var STORAGE_KEY = 'relais.conversation';
  var params = new URLSearchParams(window.location.search);
  // ?embed=1: inside the "?" widget's panel (web/widget.js) — the chat alone, no page around it, open.
  var embed = params.get('embed') === '1';
  if (embed) document.documentElement.classList.add('embed');
  // The site is French; ?lang=en (or <html lang="en">) gives the English page and conversation.
  var lang =
    (params.get('lang') || document.documentElement.lang || 'fr').toLowerCase().indexOf('en') === 0
      ? 'en'
      : 'fr';
  var locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  // ?ask=<text> (the help center's "ask the chat"): sent once, as the customer's message, as soon
  // as the chat is connected; taken out of the address so a reload does not send it again.
  var ASK_MAX = 300;
  var ask = (params.get('ask') || '').trim().slice(0, ASK_MAX);
  if (params.has('ask')) {
    params.delete('ask');
    var rest = params.toString();
    window.history.replaceState(
      null,
      '',
      window.location.pathname + (rest ? '?' + rest : '') + window.location.hash,
    );
  }
  /** Web Chat's store, sending `ask` once the connection is up (the bot then decides as usual). */
  function askingStore() {
    if (!ask) return undefined;
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          var result = next(action);
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && ask) {
            var text = ask;
            ask = '';
            store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
          }
          return result;
        };
      };
    });
    return store;
  }
  var texts = {
    fr: {
      error: 'Le chat est indisponible pour le moment. Réessayez dans un instant.',
      placeholder: 'Écrivez votre question…',
      close: 'Fermer le chat',
      help: 'Aide',
      restart: 'Nouvelle conversation',
    },
    en: {
      error: 'The chat is unavailable right now. Please try again in a moment.',
      placeholder: 'Type your question…',
      close: 'Close the chat',
      help: 'Help',
      restart: 'New conversation',
    },
  }[lang];

  document.documentElement.lang = lang;
  document.querySelectorAll('[data-' + lang + ']').forEach(function (el) {
    el.textContent = el.getAttribute('data-' + lang);
  });
  document.getElementById('chat-close').setAttribute('aria-label', texts.close);
  document.getElementById('help-launcher').setAttribute('aria-label', texts.help);
  document.getElementById('chat-restart').textContent = texts.restart;

  // --- Reopen link (ticket answer e-mails): ?reprise=<token> resumes that conversation, history
  // included. The token is a key to the conversation: it leaves the address bar at once.
  var REOPEN_PARAM = 'reprise';
  var reopenToken = params.get(REOPEN_PARAM);
  if (reopenToken) {
    params.delete(REOPEN_PARAM);
    var kept = params.toString();
    window.history.replaceState(
      null,
      '',
      window.location.pathname + (kept ? '?' + kept : '') + window.location.hash,
    );
  }
  var reopenNoticeShown = false;
  var reopenRefused = {
    fr: 'Ce lien de reprise a expiré ou n’est plus valable : une nouvelle conversation commence.',
    en: 'This link has expired or is no longer valid: a new conversation starts.',
  }[lang];

  // The conversation the link names ({ token, conversationId, userId, ttl }), or null after saying why not.
  function reopened() {
    var token = reopenToken;
    reopenToken = null;
    var refused = function () {
      var notice = document.getElementById('chat-error');
      notice.textContent = reopenRefused;
      notice.hidden = false;
      // The new conversation's window opens under it: that first render leaves it in place.
      reopenNoticeShown = true;
      return null;
    };
    return fetch('/api/directline/reprise', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: token }),
    }).then(function (res) {
      if (!res.ok) return refused();
      return res.json().then(function (r) {
        return { token: r.token, conversationId: r.conversationId, userId: r.userId, ttl: r.expires_in };
      });
    }, refused);
  }
  // --- end of the reopen link

  var panel = document.getElementById('chat-panel');
  var launcher = document.getElementById('help-launcher');
  var started = false;

  // ── The visitor's conversation, shared by the tabs ────────────────────────────────────────────
  // { conversationId, token, userId, ttl (s), expiresAt (ms), ended? }

  function saved() {
    try {
      var value = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      return value && typeof value.conversationId === 'string' && typeof value.token === 'string'
        ? value
        : null;
    } catch {
      return null;
    }
  }

  function save(value) {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    } catch {
      // Storage full or refused: this tab still works, other tabs just cannot join it.
    }
  }

  /** Forgets the stored conversation, unless another tab already replaced it with a newer one. */
  function forget(conversationId) {
    forgotten[conversationId] = true;
    var current = saved();
    if (!current || current.conversationId === conversationId) localStorage.removeItem(STORAGE_KEY);
  }

  /** Changes the stored record only while it is still this conversation's. */
  function update(conversationId, changes) {
    var current = saved();
    if (!current || current.conversationId !== conversationId) return;
    save(Object.assign({}, current, changes));
  }

  function resumable(value) {
    // A few seconds of margin: the refresh must reach the server before the token lapses.
    return Boolean(value && !value.ended && value.expiresAt > Date.now() + 5000);
  }

  // In another site's frame Web Locks may throw SecurityError, and that frame's storage is partitioned
  // per site anyway: the embedded chat goes without them.
  var locks =
    !embed && navigator.locks && typeof navigator.locks.request === 'function' ? navigator.locks : null;

  /** Runs `task` while no other tab of this site runs one (Web Locks; without them, at once). */
  function exclusively(task) {
    if (!locks) return Promise.resolve().then(task);
    return locks.request(STORAGE_KEY, function () {
      return recordArrived().then(task);
    });
  }

  // localStorage reaches the other tabs late (Chromium copies it between processes asynchronously,
  // seen under load in tests/e2e/chat-visitor.test.ts): a tab that takes the lock just after another
  // created the conversation may not see it yet. The lock manager is never late, so each tab also
  // holds a shared lock named after the conversation it shows; seeing one, a tab waits for the record.
  var MARK = STORAGE_KEY + ':';
  var RECORD_WAIT_MS = 5000;
  var marked = null; // { conversationId, release }
  var forgotten = {};
  var mine = {}; // every conversation this tab marked: its own markers are not another tab's

  /** Holds this tab's marker for `conversationId` (and lets go of the previous one) once granted. */
  function mark(conversationId) {
    if (!locks || (marked && marked.conversationId === conversationId)) return Promise.resolve();
    unmark();
    return new Promise(function (granted) {
      var release;
      var held = new Promise(function (resolve) {
        release = resolve;
      });
      marked = { conversationId: conversationId, release: release };
      mine[conversationId] = true;
      locks.request(MARK + conversationId, { mode: 'shared' }, function () {
        granted();
        return held;
      });
    });
  }

  function unmark() {
    if (marked) marked.release();
    marked = null;
  }

  /** Resolves once the stored record is here, or at once when no other tab shows a conversation. */
  function recordArrived() {
    if (saved()) return Promise.resolve();
    return locks.query().then(function (state) {
      var elsewhere = (state.held || []).some(function (lock) {
        if (lock.name.indexOf(MARK) !== 0) return false;
        var id = lock.name.slice(MARK.length);
        return !forgotten[id] && !mine[id];
      });
      if (!elsewhere) return undefined;
      var deadline = Date.now() + RECORD_WAIT_MS;
      return new Promise(function (resolve) {
        (function look() {
          if (saved() || Date.now() > deadline) return resolve();
          setTimeout(look, 50);
        })();
      });
    });
  }

  // ── The server ───────────────────────────────────────────────────────────────────────────────

  function postJson(url, body, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) }).then(
      function (res) {
        if (!res.ok) {
          var error = new Error(url + ' answered ' + res.status);
          error.status = res.status;
          throw error;
        }
        return res.json();
      },
    );
  }

  // Whether the server no longer knows the conversation (erased, or a store restarted empty): 404.
  function conversationGone(conversationId, token) {
    return fetch('/v3/directline/conversations/' + encodeURIComponent(conversationId), {
      headers: { authorization: 'Bearer ' + token },
    }).then(
      function (res) {
        return res.status === 404;
      },
      function () {
        return false;
      },
    );
  }

  function record(conversationId, token, userId, ttl) {
    return {
      conversationId: conversationId,
      token: token,
      userId: userId,
      ttl: ttl,
      expiresAt: Date.now() + ttl * 1000,
    };
  }

  /** The stored conversation with a refreshed token; rejects with `forget` set when it is no more. */
  function resume(previous) {
    return postJson('/v3/directline/tokens/refresh', {}, previous.token)
      .catch(function (error) {
        // 401/403: expired or no longer valid (another secret). Anything else may pass: keep it.
        error.forget = error.status === 401 || error.status === 403;
        throw error;
      })
      .then(function (fresh) {
        return conversationGone(previous.conversationId, fresh.token).then(function (gone) {
          if (gone) {
            var error = new Error('conversation ' + previous.conversationId + ' is gone');
            error.forget = true;
            throw error;
          }
          var resumed = record(previous.conversationId, fresh.token, previous.userId, fresh.expires_in);
          save(resumed);
          return resumed;
        });
      });
  }

  /** A new token, then a new conversation (its welcome comes first), stored before the lock is let go. */
  function create() {
    return postJson('/api/directline/token', { locale: locale }).then(function (issued) {
      return postJson(
        '/v3/directline/conversations',
        { user: { id: issued.userId }, locale: locale },
        issued.token,
      ).then(function (started) {
        var created = record(started.conversationId, started.token, issued.userId, started.expires_in);
        save(created);
        // Marked before the lock is let go: a tab that takes it next knows to wait for the record.
        return mark(created.conversationId).then(function () {
          return created;
        });
      });
    });
  }

  /** The visitor's conversation: the stored one while it lasts, otherwise a new one. */
  function connection() {
    return exclusively(function () {
      // A reopen link wins over what this browser had: it is stored, and every tab follows it.
      if (reopenToken)
        return reopened().then(function (c) {
          if (!c) return create();
          var reopenedConversation = record(c.conversationId, c.token, c.userId, c.ttl);
          save(reopenedConversation);
          return reopenedConversation;
        });
      var previous = saved();
      if (!resumable(previous)) return create();
      return resume(previous).catch(function (error) {
        if (!error.forget) throw error;
        forget(previous.conversationId);
        return create();
      });
    });
  }

  // ── The Web Chat of this tab ─────────────────────────────────────────────────────────────────

  /** What this tab shows: { conversationId, directLine, timer }, or null while it connects. */
  var shown = null;

  function start() {
    connection()
      .then(render)
      .catch(function (error) {
        console.error(error);
        var message = document.getElementById('chat-error');
        message.textContent = texts.error;
        message.hidden = false;
      });
  }

  /** Drops this tab's Web Chat and shows `next` (a stored conversation), or connects again. */
  function restart(next) {
    var leaving = shown;
    shown = null;
    if (leaving) {
      clearInterval(leaving.timer);
      // Ended (5) is then seen by a listener that is no longer shown: it does nothing.
      leaving.directLine.end();
    }
    // A fresh element: the new Web Chat does not inherit the old one's transcript or store.
    var old = document.getElementById('webchat');
    old.replaceWith(old.cloneNode(false));
    if (next) render(next);
    else start();
  }

  function render(c) {
    if (!reopenNoticeShown) document.getElementById('chat-error').hidden = true;
    reopenNoticeShown = false;
    // Reconnecting without a watermark replays the whole conversation into the window.
    var directLine = window.WebChat.createDirectLine({
      domain: window.location.origin + '/v3/directline',
      token: c.token,
      conversationId: c.conversationId,
      webSocket: false,
      pollingInterval: 500,
    });
    var id = c.conversationId;
    var lastToken = c.token;
    // The client refreshes its token itself (every 15 min): the other tabs and the next visit use it.
    var keepToken = function () {
      if (directLine.token && directLine.token !== lastToken) {
        lastToken = directLine.token;
        update(id, { token: lastToken, expiresAt: Date.now() + (c.ttl || 0) * 1000 });
      }
    };
    var me = { conversationId: id, directLine: directLine, timer: setInterval(keepToken, 30 * 1000) };
    shown = me;
    void mark(id);

    directLine.connectionStatus$.subscribe(function (status) {
      // ExpiredToken (3), FailedToConnect (4) or Ended (5): take what another tab refreshed, or if
      // the server lost the conversation start a new one, rather than leave "cannot connect".
      if (status < 3 || status > 5 || shown !== me) return;
      var stored = saved();
      if (status === 3 && stored && stored.conversationId === id && stored.token !== lastToken)
        return restart(stored);
      conversationGone(id, status === 3 ? (stored && stored.token) || lastToken : lastToken).then(
        function (gone) {
          if (shown !== me || (!gone && status !== 3)) return;
          forget(id);
          restart();
        },
      );
    });
    directLine.activity$.subscribe(function (activity) {
      keepToken();
      // The server says the conversation is over: the next visit starts a new one. A message after
      // it (the customer went on writing in this tab) keeps it going.
      if (activity.type === 'endOfConversation') update(id, { ended: true });
      else if (activity.type === 'message' && activity.from && activity.from.role === 'user')
        update(id, { ended: false });
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: askingStore(),
        // A person of the service Client shows as a person; notices as event lines (chat-people.js).
        groupActivitiesMiddleware: window.RelaisPeople.middleware.groupActivitiesMiddleware,
        avatarMiddleware: window.RelaisPeople.middleware.avatarMiddleware,
        activityMiddleware: window.RelaisPeople.middleware.activityMiddleware,
        userID: c.userId,
        locale: locale,
        // The agent who took the conversation sees "the customer is typing".
        sendTypingIndicator: true,
        styleOptions: {
          accent: '#0b6e69',
          bubbleBackground: '#eef5f4',
          bubbleFromUserBackground: '#0b6e69',
          bubbleFromUserTextColor: '#ffffff',
          botAvatarInitials: 'MA',
          // Files go to the agent as links (images, PDF, text; 5 MB); the server checks them.
          suggestedActionLayout: 'flow',
          sendBoxTextWrap: true,
        },
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: texts.placeholder },
      },
      document.getElementById('webchat'),
    );
    if (!panel.hidden && panel.contains(document.activeElement)) focusSendBox();
  }

  // Another tab changed the visitor's conversation (a new one, "Nouvelle conversation"): follow it.
  window.addEventListener('storage', function (event) {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    var next = saved();
    if (!shown || !next || next.ended || next.conversationId === shown.conversationId) return;
    restart(next);
  });

  // ── The launcher and the panel ───────────────────────────────────────────────────────────────

  /** Puts the focus in the send box once Web Chat has drawn it (a few hundred ms at first). */
  function focusSendBox() {
    var tries = 0;
    (function attempt() {
      if (panel.hidden) return;
      var input = document.querySelector('#webchat [data-id="webchat-sendbox-input"]');
      if (input) return input.focus();
      if (++tries < 100) setTimeout(attempt, 50);
    })();
  }

  function open(moveFocus) {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (!started) {
      started = true;
      start();
    }
    if (moveFocus) focusSendBox();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open(true);
    else close();
  });
  document.getElementById('chat-close').addEventListener('click', close);
  // Escape closes the window from anywhere in it, or from the launcher, and the focus goes back.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || event.defaultPrevented || panel.hidden) return;
    if (panel.contains(document.activeElement) || document.activeElement === launcher) close();
  });
  // Start over: this browser forgets the conversation (a shared computer), every tab moves on.
  document.getElementById('chat-restart').addEventListener('click', function () {
    if (shown) forget(shown.conversationId);
    restart();
    focusSendBox();
  });

  // An ended or expired conversation is not kept in this browser; a live one (or a reopen link)
  // reopens the window.
  var stored = saved();
  if (stored && !resumable(stored)) localStorage.removeItem(STORAGE_KEY);
  if ((stored && resumable(stored)) || reopenToken || ask || embed) open(false);
})();
