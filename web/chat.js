/* global window, document, sessionStorage, fetch, URLSearchParams */
// The chat window: gets a Direct Line token from Relais, starts (or resumes) a conversation on the
// local Direct Line endpoint and renders the official Web Chat. Kept in sessionStorage: the
// conversation id and token, so a reload resumes the same conversation.
(function () {
  'use strict';

  var STORAGE_KEY = 'relais.conversation';
  var params = new URLSearchParams(window.location.search);
  // The site is French; ?lang=en (or <html lang="en">) gives the English page and conversation.
  var lang =
    (params.get('lang') || document.documentElement.lang || 'fr').toLowerCase().indexOf('en') === 0
      ? 'en'
      : 'fr';
  var locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  var texts = {
    fr: {
      error: 'Le chat est indisponible pour le moment. Réessayez dans un instant.',
      placeholder: 'Écrivez votre question…',
      close: 'Fermer',
      help: 'Aide',
    },
    en: {
      error: 'The chat is unavailable right now. Please try again in a moment.',
      placeholder: 'Type your question…',
      close: 'Close',
      help: 'Help',
    },
  }[lang];

  document.documentElement.lang = lang;
  document.querySelectorAll('[data-' + lang + ']').forEach(function (el) {
    el.textContent = el.getAttribute('data-' + lang);
  });
  document.getElementById('chat-close').setAttribute('aria-label', texts.close);
  document.getElementById('help-launcher').setAttribute('aria-label', texts.help);

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
  var reopenRefused = {
    fr: 'Ce lien de reprise a expiré ou n’est plus valable : une nouvelle conversation commence.',
    en: 'This link has expired or is no longer valid: a new conversation starts.',
  }[lang];

  // The conversation the link names ({ token, conversationId, userId }), or null after saying why not.
  function reopened() {
    var token = reopenToken;
    reopenToken = null;
    var refused = function () {
      var notice = document.getElementById('chat-error');
      notice.textContent = reopenRefused;
      notice.hidden = false;
      return null;
    };
    return fetch('/api/directline/reprise', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: token }),
    }).then(function (res) {
      if (!res.ok) return refused();
      return res.json().then(function (r) {
        return { token: r.token, conversationId: r.conversationId, userId: r.userId };
      });
    }, refused);
  }
  // --- end of the reopen link

  var panel = document.getElementById('chat-panel');
  var launcher = document.getElementById('help-launcher');
  var started = false;

  function postJson(url, body, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) }).then(
      function (res) {
        if (!res.ok) throw new Error(url + ' answered ' + res.status);
        return res.json();
      },
    );
  }

  function saved() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    } catch {
      return null;
    }
  }

  function save(value) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
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

  // A stored conversation is resumed with a refreshed token, unless the server lost it; otherwise
  // a new token starts a new one.
  function connection() {
    if (reopenToken)
      return reopened().then(function (c) {
        return c || connection();
      });
    var previous = saved();
    if (previous && previous.conversationId && previous.token) {
      return postJson('/v3/directline/tokens/refresh', {}, previous.token)
        .then(function (fresh) {
          return conversationGone(previous.conversationId, fresh.token).then(function (gone) {
            if (gone) throw new Error('conversation ' + previous.conversationId + ' is gone');
            return { token: fresh.token, conversationId: previous.conversationId, userId: previous.userId };
          });
        })
        .catch(function () {
          sessionStorage.removeItem(STORAGE_KEY);
          return connection();
        });
    }
    return postJson('/api/directline/token', { locale: locale }).then(function (issued) {
      return { token: issued.token, userId: issued.userId };
    });
  }

  function start() {
    connection()
      .then(function (c) {
        var options = {
          domain: window.location.origin + '/v3/directline',
          token: c.token,
          webSocket: false,
          pollingInterval: 500,
        };
        // Reconnecting without a watermark replays the whole conversation into the window.
        if (c.conversationId) options.conversationId = c.conversationId;
        var directLine = window.WebChat.createDirectLine(options);
        var restarted = false;
        directLine.connectionStatus$.subscribe(function (status) {
          // FailedToConnect (4) or Ended (5): if the server lost the conversation, start a new one
          // rather than leave the customer on "cannot connect".
          if ((status === 4 || status === 5) && directLine.conversationId && !restarted) {
            var id = directLine.conversationId;
            conversationGone(id, directLine.token).then(function (gone) {
              if (!gone || restarted) return;
              restarted = true;
              sessionStorage.removeItem(STORAGE_KEY);
              directLine.end();
              // A fresh element: the new Web Chat does not inherit the old one's transcript or store.
              var old = document.getElementById('webchat');
              old.replaceWith(old.cloneNode(false));
              start();
            });
            return;
          }
          if (directLine.conversationId)
            save({
              conversationId: directLine.conversationId,
              token: directLine.token,
              userId: c.userId,
              watermark: directLine.watermark,
            });
        });
        directLine.activity$.subscribe(function () {
          if (directLine.conversationId)
            save({
              conversationId: directLine.conversationId,
              token: directLine.token,
              userId: c.userId,
              watermark: directLine.watermark,
            });
        });
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
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
      })
      .catch(function (error) {
        console.error(error);
        var message = document.getElementById('chat-error');
        message.textContent = texts.error;
        message.hidden = false;
      });
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (!started) {
      started = true;
      start();
    }
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open();
    else {
      panel.hidden = true;
      launcher.setAttribute('aria-expanded', 'false');
    }
  });
  document.getElementById('chat-close').addEventListener('click', function () {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
  });
  // A reload during a conversation reopens the window on it.
  if (saved() || reopenToken) open();
})();
