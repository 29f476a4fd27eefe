/* global window, document, sessionStorage, fetch, URLSearchParams, URL, Chart */
// The support manager's dashboard: asks for the supervisor token (kept in sessionStorage for this
// tab only), reads /api/reports/* with it and draws the figures with Chart.js (served by Relais).
// Every text from the server is inserted with textContent, never as HTML. The page's own texts come
// from window.RelaisDashboardText (dashboard.fr.js or dashboard.en.js, chosen by the server).
(function () {
  'use strict';

  var TOKEN_KEY = 'relais.supervisorToken';
  /** How often the live view is read again. */
  var LIVE_EVERY_MS = 5000;
  /** Below this many CES answers an agent's CES is greyed (the report's MIN_AGENT_CES_ANSWERS). */
  var MIN_AGENT_CES_ANSWERS = 5;
  var DAY_MS = 24 * 3600 * 1000;
  var BRAND = '#0b6e69';
  var ACCENT = '#f28c28';
  var PALETTE = [BRAND, ACCENT, '#5b8def', '#9c6ade', '#d94f70', '#7a8b8f', '#3fa34d'];
  var T = window.RelaisDashboardText;

  var oneDecimal = new Intl.NumberFormat(T.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var percent = new Intl.NumberFormat(T.locale, { style: 'percent', maximumFractionDigits: 0 });
  var charts = {};

  function $(id) {
    return document.getElementById(id);
  }

  function setText(id, text) {
    $(id).textContent = text;
  }

  /** The page's fixed texts, in the language the server chose. */
  function applyTexts() {
    document.querySelectorAll('[data-text]').forEach(function (el) {
      el.textContent = T.static[el.getAttribute('data-text')];
    });
    document.querySelectorAll('[data-aria]').forEach(function (el) {
      el.setAttribute('aria-label', T.aria[el.getAttribute('data-aria')]);
    });
    var other = new URLSearchParams(window.location.search);
    other.set('lang', document.documentElement.lang === 'en' ? 'fr' : 'en');
    $('switch-language').setAttribute('href', '?' + other.toString());
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function showSignIn(message) {
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').hidden = !message;
    setText('sign-in-error', message || '');
    $('token').focus();
  }

  function showDashboard() {
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
  }

  /** GET with the token; 401 forgets it and asks again. Resolves to the Response when it is OK. */
  function get(path) {
    var query = new URLSearchParams({ from: $('from').value, to: $('to').value });
    return fetch(path + '?' + query.toString(), {
      headers: { authorization: 'Bearer ' + token() },
    }).then(function (res) {
      if (res.ok) return res;
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (body) {
          var message = (body && body.error && body.error.message) || 'HTTP ' + res.status;
          if (res.status === 401) {
            sessionStorage.removeItem(TOKEN_KEY);
            throw new Error(T.tokenRefused);
          }
          throw new Error(message);
        });
    });
  }

  function share(value) {
    return value && value.rate !== undefined ? percent.format(value.rate) : '–';
  }

  /** A short duration, the same in both languages ("45 s", "12 min", "1 h 05"). */
  function duration(ms) {
    var s = Math.round(ms / 1000);
    if (s < 60) return s + ' s';
    var m = Math.round(s / 60);
    if (m < 60) return m + ' min';
    return Math.floor(m / 60) + ' h ' + String(m % 60).padStart(2, '0');
  }

  function minutes(ms) {
    if (ms === undefined || ms === null) return '–';
    var m = Math.round(ms / 60000);
    return m < 1 ? T.lessThanAMinute : T.minutes(m);
  }

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    config.options = Object.assign(
      { animation: false, responsive: true, maintainAspectRatio: false },
      config.options || {},
    );
    charts[id] = new Chart($(id), config);
  }

  function cesAxis() {
    return { min: 1, max: 5, title: { display: true, text: T.cesAxis } };
  }

  function renderFigures(r) {
    setText('ces-value', r.ces ? oneDecimal.format(r.ces.value) : '–');
    setText('ces-detail', r.ces ? T.cesDetail(r.ces.count) : T.noCes);
    setText('deflection-value', share(r.deflection));
    setText('deflection-detail', T.outOfConversations(r.deflection.count, r.deflection.total));
    setText('escalation-value', share(r.escalation));
    setText(
      'escalation-detail',
      r.openWithPeople
        ? T.escalationOpen(r.escalation.count, r.escalation.total, r.openWithPeople)
        : T.outOfConversations(r.escalation.count, r.escalation.total),
    );
    setText('unresolved-value', share(r.unresolved));
    setText('unresolved-detail', T.unresolvedDetail(r.unresolved.count, r.unresolved.total));
    setText('not-answered-value', share(r.notAnswered));
    setText('not-answered-detail', T.notAnsweredDetail(r.notAnswered.count, r.notAnswered.total));
    setText('wait-value', minutes(r.waitTime.p50));
    setText('wait-detail', T.waitDetail(minutes(r.waitTime.p90), minutes(r.waitTime.p99)));
    setText('csat-value', r.csat ? percent.format(r.csat.satisfiedPercent / 100) : '–');
    setText('csat-detail', r.csat ? T.csatDetail(oneDecimal.format(r.csat.mean)) : T.noAnswer);
    // NPS only where the deployment asks it and someone answered: no answers, no figure.
    $('nps').hidden = !r.nps;
    setText('nps-value', r.nps ? (r.nps.value > 0 ? '+' : '') + r.nps.value : '–');
    setText(
      'nps-detail',
      r.nps ? T.npsDetail(r.nps.count, r.nps.promoterPercent, r.nps.detractorPercent) : '',
    );
  }

  function renderCharts(r) {
    draw('ces-by-day', {
      type: 'line',
      data: {
        labels: r.cesByDay.map(function (d) {
          return d.day;
        }),
        datasets: [
          {
            label: T.cesLine,
            data: r.cesByDay.map(function (d) {
              return Math.round(d.ces.value * 100) / 100;
            }),
            borderColor: BRAND,
            backgroundColor: BRAND,
          },
          {
            label: T.target,
            data: r.cesByDay.map(function () {
              return 2;
            }),
            borderColor: ACCENT,
            borderDash: [6, 4],
            pointRadius: 0,
          },
        ],
      },
      options: { scales: { y: cesAxis() } },
    });
    var paths = Object.keys(r.cesByPath);
    draw('ces-by-path', {
      type: 'bar',
      data: {
        labels: paths.map(function (p) {
          return T.paths[p] || p;
        }),
        datasets: [
          {
            label: T.cesLine,
            data: paths.map(function (p) {
              return Math.round(r.cesByPath[p].value * 100) / 100;
            }),
            backgroundColor: BRAND,
          },
        ],
      },
      options: { scales: { y: cesAxis() }, plugins: { legend: { display: false } } },
    });
    draw('deflection', {
      type: 'doughnut',
      data: {
        labels: [T.static.deflection, T.static.escalation, T.static.unresolved],
        datasets: [
          {
            data: [r.deflection.count, r.escalation.count, r.unresolved.count],
            backgroundColor: [BRAND, ACCENT, '#7a8b8f'],
          },
        ],
      },
    });
    draw('escalation-reasons', {
      type: 'bar',
      data: {
        labels: r.escalationReasons.map(function (e) {
          return T.reasons[e.key] || e.key;
        }),
        datasets: [
          {
            label: T.conversationsLabel,
            data: r.escalationReasons.map(function (e) {
              return e.count;
            }),
            backgroundColor: PALETTE,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { precision: 0 } } },
      },
    });
    draw('top-entries', {
      type: 'bar',
      data: {
        labels: r.topEntries.map(function (e) {
          return e.key;
        }),
        datasets: [
          {
            label: T.conversationsLabel,
            data: r.topEntries.map(function (e) {
              return e.count;
            }),
            backgroundColor: BRAND,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        plugins: { legend: { display: false } },
        scales: { x: { ticks: { precision: 0 } } },
      },
    });
  }

  /** A duration with its sample size, or a dash when the period has none. */
  function durationCell(cell, figure) {
    if (!figure || figure.median === undefined) {
      cell.textContent = '–';
      return;
    }
    cell.appendChild(document.createTextNode(duration(figure.median) + ' '));
    cell.appendChild(element('small', {}, 'n = ' + figure.count));
  }

  /** One row per agent; a CES on few answers is greyed with its count, never hidden. */
  function renderAgents(rows, names, minAnswers) {
    var body = $('agents').querySelector('tbody');
    body.replaceChildren();
    if (!rows || rows.length === 0) {
      var empty = element('tr');
      var cell = element('td', { colspan: '6' }, T.noAgents);
      empty.appendChild(cell);
      body.appendChild(empty);
      return;
    }
    var labels = [
      'agentColumn',
      'handledColumn',
      'passedOnColumn',
      'firstReplyColumn',
      'handlingColumn',
      'cesColumn',
    ];
    rows.forEach(function (a) {
      var tr = element('tr', { 'data-agent': a.agentId });
      var cells = labels.map(function (key) {
        return element('td', { 'data-label': T.static[key] });
      });
      cells[0].textContent = names[a.agentId] || a.agentId;
      cells[1].textContent = String(a.handled);
      cells[2].textContent = String(a.passedOn);
      durationCell(cells[3], a.firstReply);
      durationCell(cells[4], a.handling);
      var count = a.ces ? a.ces.count : 0;
      cells[5].appendChild(document.createTextNode((a.ces ? oneDecimal.format(a.ces.value) : '–') + ' '));
      cells[5].appendChild(element('small', {}, T.cesAnswers(count)));
      if (a.fewCesAnswers) {
        cells[5].classList.add('few');
        cells[5].setAttribute('title', T.fewAnswers(count, minAnswers));
      }
      cells.forEach(function (c) {
        tr.appendChild(c);
      });
      body.appendChild(tr);
    });
  }

  var clockTime = new Intl.DateTimeFormat(T.locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  var liveTimer;

  function renderLive(view) {
    $('live').hidden = false;
    setText('live-status', T.updatedAt(clockTime.format(new Date(view.at))));
    var queues = $('live-queues');
    queues.replaceChildren();
    view.queues.forEach(function (q) {
      queues.appendChild(
        element(
          'li',
          { 'data-queue': q.queue },
          T.queueLength(q.queue, q.waiting, q.headWaitMs === undefined ? '' : duration(q.headWaitMs)),
        ),
      );
    });
    if (view.queues.length === 0) queues.appendChild(element('li', {}, T.noQueue));
    queues.appendChild(
      element('li', { class: 'tickets' }, T.tickets(view.tickets.open, view.tickets.answered)),
    );

    var cards = $('live-agents');
    cards.replaceChildren();
    var offline = [];
    view.agents.forEach(function (a) {
      if (a.presence === 'offline') {
        offline.push(a.name);
        return;
      }
      var card = element('section', { class: 'live-agent ' + a.presence, 'data-agent': a.agentId });
      var head = element('h3');
      head.appendChild(document.createTextNode(a.name + ' '));
      head.appendChild(element('span', { class: 'presence' }, T.presence[a.presence] || a.presence));
      card.appendChild(head);
      card.appendChild(element('p', { class: 'load' }, T.load(a.load, a.capacity)));
      var list = element('ul');
      a.conversations.forEach(function (c) {
        var item = element('li', { 'data-conversation': c.conversationId, title: c.conversationId });
        item.appendChild(element('code', {}, c.conversationId.slice(-8)));
        item.appendChild(
          document.createTextNode(
            ' ' +
              T.heldConversation(
                c.language || '?',
                c.queue || '?',
                c.waitingMs === undefined ? '–' : duration(c.waitingMs),
                c.heldMs === undefined ? '–' : duration(c.heldMs),
              ),
          ),
        );
        if (c.awaitingFirstReply) item.appendChild(element('span', { class: 'flag' }, T.awaitingFirstReply));
        list.appendChild(item);
      });
      if (a.conversations.length === 0) list.appendChild(element('li', { class: 'none' }, T.noConversation));
      card.appendChild(list);
      cards.appendChild(card);
    });
    // Nobody online or away: no empty grid, the offline line says it all.
    cards.hidden = cards.children.length === 0;
    setText('live-offline', offline.length ? T.offline(offline.join(', ')) : '');
    document.body.setAttribute('data-live-at', view.at);
  }

  /** The live view, now and every few seconds while the dashboard is open (skipped in a hidden tab). */
  function refreshLive() {
    if (!token() || $('dashboard').hidden || document.hidden) return Promise.resolve();
    return fetch('/api/reports/live', { headers: { authorization: 'Bearer ' + token() } })
      .then(function (res) {
        if (res.status === 404) {
          // No agent accounts: nothing live to show, and nothing to poll.
          $('live').hidden = true;
          stopLive();
          return undefined;
        }
        if (res.status === 401) {
          sessionStorage.removeItem(TOKEN_KEY);
          stopLive();
          showSignIn(T.tokenRefused);
          return undefined;
        }
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json().then(renderLive);
      })
      .catch(function (error) {
        setText('live-status', T.liveFailed + error.message + ')');
      });
  }

  function startLive() {
    stopLive();
    refreshLive();
    liveTimer = window.setInterval(refreshLive, LIVE_EVERY_MS);
  }

  function stopLive() {
    if (liveTimer !== undefined) window.clearInterval(liveTimer);
    liveTimer = undefined;
  }

  /** POST with the token (the same supervisor credential the accept API asks for). */
  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { authorization: 'Bearer ' + token(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (json) {
          if (res.ok) return json;
          if (res.status === 401) sessionStorage.removeItem(TOKEN_KEY);
          var error = (json && json.error) || {};
          // A 422 lists what the KB would not take (an id already used…): say it, not just "refused".
          var issues = (error.issues || []).map(function (i) {
            return i.message;
          });
          throw new Error([error.message || 'HTTP ' + res.status].concat(issues).join(' — '));
        });
    });
  }

  /** A proposed entry id from a question: "Faites-vous de la peinture ?" → "faites-vous-de-la-peinture". */
  function slug(text) {
    return text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  }

  function element(tag, attributes, text) {
    var el = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      el.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /** Runs the accept API; on success the suggestion leaves the list, either way the outcome is said. */
  function accept(item, body) {
    var buttons = item.querySelectorAll('button');
    buttons.forEach(function (b) {
      b.disabled = true;
    });
    return post('/api/kb/suggestions/accept', body)
      .then(function (outcome) {
        setText(
          'suggestion-status',
          outcome.changed
            ? T.accepted(outcome.entryId, (outcome.added || []).length)
            : T.alreadyInKb(outcome.entryId),
        );
        item.remove();
        if ($('suggestions').children.length === 0) renderSuggestions([]);
      })
      .catch(function (error) {
        setText('suggestion-status', T.acceptFailed + error.message);
        buttons.forEach(function (b) {
          b.disabled = false;
        });
      });
  }

  /** A new entry needs its answer (and id and question, proposed): a small form in the item. */
  function entryForm(item, s) {
    var form = element('form', { class: 'accept-form' });
    var fields = [
      ['entry-id', T.entryIdLabel, 'input', slug(s.phrasings[0] || s.examples[0] || '')],
      ['entry-question', T.questionLabel, 'input', s.phrasings[0] || s.examples[0] || ''],
      ['entry-answer', T.answerLabel, 'textarea', ''],
    ];
    fields.forEach(function (f) {
      var label = element('label', {}, f[1]);
      var input = element(f[2], { name: f[0], required: 'required' });
      input.value = f[3];
      label.appendChild(input);
      form.appendChild(label);
    });
    form.appendChild(element('button', { type: 'submit' }, T.addToKb));
    var cancel = element('button', { type: 'button', class: 'secondary' }, T.cancel);
    cancel.addEventListener('click', function () {
      form.remove();
      item.querySelector('.accept').hidden = false;
    });
    form.appendChild(cancel);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var question = form.elements['entry-question'].value.trim();
      accept(item, {
        locale: s.locale,
        id: form.elements['entry-id'].value.trim(),
        question: question,
        alternates: s.phrasings.filter(function (p) {
          return p !== question;
        }),
        answer: form.elements['entry-answer'].value.trim(),
      });
    });
    return form;
  }

  function renderSuggestions(suggestions) {
    var list = $('suggestions');
    list.replaceChildren();
    if (suggestions.length === 0) {
      var none = document.createElement('li');
      none.textContent = T.noSuggestion;
      list.appendChild(none);
      return;
    }
    suggestions.forEach(function (s) {
      var item = element('li');
      var what = s.kind === 'new-phrasing' ? T.newPhrasing(s.entryId) : T.newEntry;
      item.appendChild(element('span', {}, T.suggestion(what, s.count, s.examples.join(' · '))));
      var button = element(
        'button',
        { type: 'button', class: 'accept', 'aria-label': T.acceptLabel(what) },
        T.accept,
      );
      button.addEventListener('click', function () {
        if (s.kind === 'new-phrasing') {
          accept(item, { locale: s.locale, entryId: s.entryId, phrasings: s.phrasings });
          return;
        }
        button.hidden = true;
        var form = entryForm(item, s);
        item.appendChild(form);
        form.elements['entry-answer'].focus();
      });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function load() {
    setText('status', T.loading);
    setText('suggestion-status', '');
    return Promise.all([
      get('/api/reports/summary').then(function (res) {
        return res.json();
      }),
      get('/api/reports/kb-suggestions').then(function (res) {
        return res.json();
      }),
    ])
      .then(function (results) {
        showDashboard();
        renderFigures(results[0].report);
        renderCharts(results[0].report);
        renderSuggestions(results[1].suggestions);
        renderAgents(results[0].report.agents, results[0].agentNames || {}, MIN_AGENT_CES_ANSWERS);
        if (results[0].live && liveTimer === undefined) startLive();
        var report = results[0].report;
        setText(
          'status',
          // Closed ones only: those still with people are told in the "handed over" figure.
          T.closedInPeriod(
            report.conversations - (report.openWithPeople || 0),
            report.closedSilent && report.closedSilent.count,
          ),
        );
        document.body.setAttribute('data-loaded', 'true');
      })
      .catch(function (error) {
        if (!token() || $('dashboard').hidden) showSignIn(error.message);
        else setText('status', T.error + error.message);
      });
  }

  function downloadCsv() {
    download('/api/reports/surveys.csv', T.csvName);
  }

  function download(path, name) {
    get(path)
      .then(function (res) {
        return res.blob();
      })
      .then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = name + '-' + $('from').value + '-' + $('to').value + '.csv';
        document.body.appendChild(link);
        link.click();
        link.remove();
        window.setTimeout(function () {
          URL.revokeObjectURL(link.href);
        }, 1000);
      })
      .catch(function (error) {
        if (!token()) showSignIn(error.message);
        else setText('status', T.error + error.message);
      });
  }

  applyTexts();
  var params = new URLSearchParams(window.location.search);
  var now = Date.now();
  $('to').value = params.get('to') || isoDay(now);
  $('from').value = params.get('from') || isoDay(now - 29 * DAY_MS);

  $('sign-in').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token').value = '';
    load();
  });
  $('period').addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  $('csv').addEventListener('click', downloadCsv);
  $('agents-csv').addEventListener('click', function () {
    download('/api/reports/agents.csv', T.agentsCsvName);
  });
  document.addEventListener('visibilitychange', refreshLive);
  $('sign-out').addEventListener('click', function () {
    sessionStorage.removeItem(TOKEN_KEY);
    stopLive();
    showSignIn('');
  });

  if (token()) load();
  else showSignIn('');
})();
