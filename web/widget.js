/* global window, document, localStorage, fetch, URL, URLSearchParams, setTimeout, CSSStyleSheet */
// The "?" widget of Relais, for any page of the customer's site, with one tag (docs/widget.md):
//   <script src="https://relais.example/widget.js" data-position="bottom-left" data-accent="#7a2e8c" defer></script>
// The launcher, the panel and the invitation bubble live in a shadow root (the host page's CSS
// cannot reach them); the help center and the chat are iframes of the Relais origin. The widget
// shows nothing until Relais says this site is one of WIDGET_ORIGINS.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || window.RelaisWidgetLoaded) return;
  window.RelaisWidgetLoaded = true;
  var relais = new URL(script.src).origin;

  // ── Options (data attributes), each checked: a bad value falls back to its default ─────────────

  var COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
  var POSITIONS = ['bottom-right', 'bottom-left'];
  var LANGUAGES = ['fr', 'en'];

  function pageLanguage() {
    return (document.documentElement.lang || 'fr').toLowerCase().indexOf('en') === 0 ? 'en' : 'fr';
  }

  function readOptions(data) {
    var options = { position: 'bottom-right', accent: '#0b6e69', textColor: '#ffffff', lang: pageLanguage() };
    var refused = [];
    function take(name, attribute, valid) {
      var value = data[name];
      if (value === undefined) return;
      value = String(value).trim();
      if (valid(value)) options[name] = value.toLowerCase();
      else refused.push(attribute + '="' + value + '"');
    }
    take('position', 'data-position', function (v) {
      return POSITIONS.indexOf(v) >= 0;
    });
    take('accent', 'data-accent', COLOUR.test.bind(COLOUR));
    take('textColor', 'data-text-color', COLOUR.test.bind(COLOUR));
    take('lang', 'data-lang', function (v) {
      return LANGUAGES.indexOf(v) >= 0;
    });
    if (refused.length > 0)
      console.warn(
        'Relais widget: ignored ' +
          refused.join(', ') +
          ' (data-position: bottom-right | bottom-left; data-accent, data-text-color: #rgb or #rrggbb; data-lang: fr | en)',
      );
    return options;
  }

  var options = readOptions(script.dataset);
  var lang = options.lang;
  var TEXTS = {
    fr: {
      launcher: 'Aide',
      title: 'Aide en ligne',
      search: 'Rechercher',
      chat: 'Discuter',
      close: "Fermer l'aide",
      searchFrame: "Centre d'aide",
      chatFrame: 'Chat avec le service Client',
      accept: 'Discuter',
      dismiss: 'Non merci',
      invitation: 'Invitation à discuter',
    },
    en: {
      launcher: 'Help',
      title: 'Online help',
      search: 'Search',
      chat: 'Chat',
      close: 'Close help',
      searchFrame: 'Help center',
      chatFrame: 'Chat with Customer Service',
      accept: 'Chat now',
      dismiss: 'No thanks',
      invitation: 'Invitation to chat',
    },
  }[lang];

  // ── The handshake: nothing is drawn on a site Relais does not list ─────────────────────────────

  var origin = window.location.origin;
  fetch(relais + '/api/widget/config?' + new URLSearchParams({ origin: origin }).toString(), {
    credentials: 'omit',
  })
    .then(function (res) {
      return res.ok ? res.json() : { allowed: false };
    })
    .then(function (answer) {
      if (!answer || answer.allowed !== true) return;
      var start = function () {
        build(Array.isArray(answer.rules) ? answer.rules : []);
      };
      if (document.body) start();
      else document.addEventListener('DOMContentLoaded', start);
    })
    .catch(function () {
      // Relais unreachable, or this origin refused by CORS: the page stays as it is.
    });

  // ── Styles: the host's rules stop at the shadow root; :host is reset with !important, which
  // wins over the page's own !important rules on the element ──────────────────────────────────

  var CSS = [
    ':host{all:initial !important;display:block !important;position:static !important;visibility:visible !important;opacity:1 !important;transform:none !important;filter:none !important;contain:none !important;}',
    '.root{--accent:#0b6e69;--on-accent:#fff;all:initial;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2a2a;}',
    '.root *{box-sizing:border-box;font:inherit;}',
    '.corner{position:fixed;bottom:20px;right:20px;z-index:2147483647;display:flex;flex-direction:column;align-items:flex-end;gap:12px;}',
    '.root.left .corner{right:auto;left:20px;align-items:flex-start;}',
    '.launcher{display:flex;align-items:center;justify-content:center;width:56px;height:56px;border:0;border-radius:50%;background:var(--accent);color:var(--on-accent);font-size:28px;font-weight:700;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);padding:0;margin:0;}',
    '.launcher:focus-visible,.tab:focus-visible,.close:focus-visible,.bubble button:focus-visible{outline:3px solid #f2b705;outline-offset:2px;}',
    '.panel{position:relative;z-index:1;display:flex;flex-direction:column;width:360px;height:520px;max-width:calc(100vw - 40px);max-height:calc(100vh - 110px);background:#fff;border-radius:12px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3);}',
    '.panel[hidden],.bubble[hidden],iframe[hidden]{display:none;}',
    '.head{display:flex;align-items:center;gap:4px;padding:6px 8px;background:var(--accent);color:var(--on-accent);}',
    '.tablist{flex:1;display:flex;gap:4px;}',
    '.tab{border:0;border-radius:6px;padding:6px 10px;background:transparent;color:var(--on-accent);cursor:pointer;}',
    '.tab[aria-selected="true"]{background:rgba(255,255,255,.22);font-weight:600;}',
    '.close{border:0;background:transparent;color:var(--on-accent);font-size:22px;line-height:1;padding:4px 8px;cursor:pointer;}',
    '.body{position:relative;flex:1;display:flex;}',
    'iframe{flex:1;width:100%;height:100%;border:0;display:block;}',
    '.bubble{max-width:300px;padding:12px 14px;background:#fff;color:#1d2a2a;border-radius:12px;box-shadow:0 4px 18px rgba(0,0,0,.25);}',
    '.bubble p{margin:0 0 10px;}',
    '.root.open .bubble{position:absolute;z-index:2;right:0;bottom:76px;margin:0 10px;}',
    '.root.left.open .bubble{right:auto;left:0;}',
    '.actions{display:flex;gap:8px;justify-content:flex-end;}',
    '.bubble button{border-radius:6px;padding:6px 12px;cursor:pointer;border:1px solid var(--accent);}',
    '.accept{background:var(--accent);color:var(--on-accent);}',
    '.dismiss{background:#fff;color:var(--accent);}',
  ].join('\n');

  function styleShadow(shadow) {
    // A constructed sheet is not an inline <style>: a host page whose CSP forbids those still styles us.
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      var style = document.createElement('style');
      style.textContent = CSS;
      shadow.appendChild(style);
    }
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ── The launcher, the panel, the bubble ────────────────────────────────────────────────────────

  function build(rules) {
    var host = document.createElement('relais-widget');
    var shadow = host.attachShadow({ mode: 'open' });
    styleShadow(shadow);
    var root = el('div', { class: 'root' + (options.position === 'bottom-left' ? ' left' : ''), lang: lang });
    root.style.setProperty('--accent', options.accent);
    root.style.setProperty('--on-accent', options.textColor);
    var corner = el('div', { class: 'corner' });

    var bubble = el('div', { class: 'bubble', role: 'dialog', 'aria-label': TEXTS.invitation, hidden: '' });
    var bubbleText = el('p', { 'data-part': 'invitation-text' });
    var accept = el('button', { type: 'button', class: 'accept', 'data-part': 'accept' }, TEXTS.accept);
    var dismiss = el('button', { type: 'button', class: 'dismiss', 'data-part': 'dismiss' }, TEXTS.dismiss);
    var actions = el('div', { class: 'actions' });
    actions.append(dismiss, accept);
    bubble.append(bubbleText, actions);

    var panel = el('div', { class: 'panel', role: 'dialog', 'aria-label': TEXTS.title, hidden: '' });
    var head = el('div', { class: 'head' });
    var tabs = el('div', { role: 'tablist', class: 'tablist' });
    var searchTab = el(
      'button',
      { type: 'button', role: 'tab', class: 'tab', 'data-part': 'search-tab' },
      TEXTS.search,
    );
    var chatTab = el(
      'button',
      { type: 'button', role: 'tab', class: 'tab', 'data-part': 'chat-tab' },
      TEXTS.chat,
    );
    tabs.append(searchTab, chatTab);
    var close = el(
      'button',
      { type: 'button', class: 'close', 'aria-label': TEXTS.close, 'data-part': 'close' },
      '×',
    );
    head.append(tabs, close);
    var body = el('div', { class: 'body' });
    panel.append(head, body);

    var launcher = el(
      'button',
      {
        type: 'button',
        class: 'launcher',
        'aria-label': TEXTS.launcher,
        'aria-expanded': 'false',
        'data-part': 'launcher',
      },
      '?',
    );
    corner.append(bubble, panel, launcher);
    root.appendChild(corner);
    shadow.appendChild(root);
    document.body.appendChild(host);

    var searchFrame = null;
    var chatFrame = null;

    function showTab(which) {
      searchTab.setAttribute('aria-selected', String(which === 'search'));
      chatTab.setAttribute('aria-selected', String(which === 'chat'));
      if (searchFrame) searchFrame.hidden = which !== 'search';
      if (chatFrame) chatFrame.hidden = which !== 'chat';
    }

    function frame(path, label) {
      var iframe = el('iframe', { src: relais + path, title: label, referrerpolicy: 'origin' });
      body.appendChild(iframe);
      return iframe;
    }

    function openSearch() {
      if (!searchFrame)
        searchFrame = frame(
          (lang === 'en' ? '/help' : '/aide') +
            '?' +
            new URLSearchParams({ embed: '1', parent: origin }).toString(),
          TEXTS.searchFrame,
        );
      showTab('search');
    }

    /** The chat, with `ask` as the customer's first message when given (a new frame then). */
    function openChat(ask) {
      var query = { embed: '1', lang: lang };
      if (ask) query.ask = ask;
      var path = '/?' + new URLSearchParams(query).toString();
      if (!chatFrame) chatFrame = frame(path, TEXTS.chatFrame);
      else if (ask) chatFrame.src = relais + path;
      showPanel();
      hideBubble();
      showTab('chat');
    }

    function showPanel() {
      panel.hidden = false;
      root.classList.add('open');
      launcher.setAttribute('aria-expanded', 'true');
    }

    function hidePanel() {
      panel.hidden = true;
      root.classList.remove('open');
      launcher.setAttribute('aria-expanded', 'false');
      launcher.focus();
    }

    launcher.addEventListener('click', function () {
      if (!panel.hidden) return hidePanel();
      showPanel();
      if (!chatFrame || chatFrame.hidden) openSearch();
    });
    close.addEventListener('click', hidePanel);
    searchTab.addEventListener('click', openSearch);
    chatTab.addEventListener('click', function () {
      openChat('');
    });
    root.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !panel.hidden) hidePanel();
    });

    // ── What the help center tells us (only the Relais origin, only its frame) ──────────────────

    var entryViews = {};
    window.addEventListener('message', function (event) {
      if (event.origin !== relais || !searchFrame || event.source !== searchFrame.contentWindow) return;
      var data = event.data;
      if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
      if (data.type === 'relais:open-chat')
        openChat(typeof data.text === 'string' ? data.text.slice(0, 500) : '');
      else if (data.type === 'relais:search' && typeof data.text === 'string' && data.text.trim() !== '') {
        var count = Array.isArray(data.results) ? data.results.length : data.results;
        var typed = data.text.trim().slice(0, 500);
        // The visitor goes on typing while the bubble shows: accepting sends the latest words.
        if (count === 0 && bubbleRule && bubbleRule.trigger.kind === 'failed-search') bubbleAsk = typed;
        else if (count === 0 && typed.length >= 3) fire('failed-search', typed);
      } else if (data.type === 'relais:entry' && typeof data.id === 'string') {
        entryViews[data.id] = (entryViews[data.id] || 0) + 1;
        fire('entry-revisit', '', entryViews[data.id]);
      }
    });

    // ── Proactive invitations: at most one per visitor per day (this site's localStorage) ────────

    var INVITED_KEY = 'relais-widget:invited';
    var invitedThisPage = false;
    var bubbleRule = null;
    var bubbleAsk = '';

    function today() {
      var d = new Date();
      return (
        d.getFullYear() +
        '-' +
        String(d.getMonth() + 1).padStart(2, '0') +
        '-' +
        String(d.getDate()).padStart(2, '0')
      );
    }

    function invitedToday() {
      if (invitedThisPage) return true;
      try {
        return localStorage.getItem(INVITED_KEY) === today();
      } catch {
        return false;
      }
    }

    function rememberInvitation() {
      invitedThisPage = true;
      try {
        localStorage.setItem(INVITED_KEY, today());
      } catch {
        // Storage refused: this page still invites once.
      }
    }

    function count(rule, outcome) {
      fetch(relais + '/api/widget/events', {
        method: 'POST',
        credentials: 'omit',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ rule: rule.id, outcome: outcome }),
      }).catch(function () {
        // A lost count is not worth bothering the visitor.
      });
    }

    function invite(rule, ask) {
      // Not over a conversation already under way; over the search, yes (a failed one).
      if (invitedToday() || (!panel.hidden && chatFrame && !chatFrame.hidden)) return;
      rememberInvitation();
      bubbleRule = rule;
      bubbleAsk = ask || (rule.ask && rule.ask[lang]) || '';
      bubbleText.textContent = rule.message[lang];
      bubble.hidden = false;
      count(rule, 'shown');
    }

    function hideBubble() {
      bubble.hidden = true;
    }

    accept.addEventListener('click', function () {
      var rule = bubbleRule;
      hideBubble();
      if (!rule) return;
      count(rule, 'accepted');
      bubbleRule = null;
      openChat(bubbleAsk);
    });
    dismiss.addEventListener('click', function () {
      var rule = bubbleRule;
      hideBubble();
      bubbleRule = null;
      if (rule) count(rule, 'dismissed');
    });

    /** `/demo/*` → matches /demo/ and /demo/tarifs; a trailing slash never matters. */
    function pageMatches(pattern) {
      var source = pattern
        .replace(/\/+$/, '')
        .split('*')
        .map(function (part) {
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('.*');
      return new RegExp('^' + source + '/?$').test(window.location.pathname);
    }

    function rulesOf(kind) {
      return rules.filter(function (r) {
        return r && r.trigger && r.trigger.kind === kind && r.message && typeof r.message[lang] === 'string';
      });
    }

    function fire(kind, ask, seen) {
      var rule = rulesOf(kind).filter(function (r) {
        return kind !== 'entry-revisit' || seen >= (r.trigger.times || 2);
      })[0];
      if (rule) invite(rule, ask);
    }

    rulesOf('time-on-page').forEach(function (rule) {
      if (pageMatches(rule.trigger.page))
        setTimeout(function () {
          invite(rule, '');
        }, rule.trigger.seconds * 1000);
    });
    var leaving = rulesOf('exit-intent').filter(function (rule) {
      return pageMatches(rule.trigger.page);
    })[0];
    if (leaving) {
      // The pointer leaves through the top of the window (towards the tabs or the address bar).
      document.addEventListener('mouseout', function (event) {
        if (!event.relatedTarget && event.clientY <= 0) invite(leaving, '');
      });
      // Or the tab was put aside: the bubble is there when the visitor comes back.
      var wentAway = false;
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'hidden') wentAway = true;
        else if (wentAway) invite(leaving, '');
      });
    }
  }
})();
