/* global document, sessionStorage, fetch, MutationObserver */
// The dashboard's table of proactive chat invitations (the "?" widget, docs/widget.md): one row per
// configured rule — shown, accepted, dismissed, acceptance rate — since the counts began. Kept apart
// from dashboard.js: it reloads whenever the dashboard has (re)loaded its figures.
(function () {
  'use strict';
  var TOKEN_KEY = 'relais.supervisorToken';
  var en = document.documentElement.lang === 'en';
  var T = en
    ? {
        heading: 'Proactive chat invitations (since the counts began)',
        columns: ['Rule', 'Trigger', 'Shown', 'Accepted', 'Dismissed', 'Acceptance rate'],
        triggers: {
          'time-on-page': 'time on a page',
          'failed-search': 'failed search',
          'entry-revisit': 'same help entry again',
          'exit-intent': 'leaving the page',
        },
        botOnly: 'also when closed',
        none: 'No rule configured (PROACTIVE_RULES_FILE).',
      }
    : {
        heading: 'Invitations à discuter (depuis le début du comptage)',
        columns: ['Règle', 'Déclencheur', 'Affichées', 'Acceptées', 'Refusées', "Taux d'acceptation"],
        triggers: {
          'time-on-page': 'temps sur une page',
          'failed-search': 'recherche sans résultat',
          'entry-revisit': 'même réponse revue',
          'exit-intent': 'départ de la page',
        },
        botOnly: 'aussi hors horaires',
        none: 'Aucune règle configurée (PROACTIVE_RULES_FILE).',
      };
  var percent = new Intl.NumberFormat(en ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 1 });
  var panel = document.getElementById('invitations');
  if (!panel) return;
  panel.querySelector('h2').textContent = T.heading;
  var head = panel.querySelector('thead tr');
  T.columns.forEach(function (label) {
    var th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.appendChild(th);
  });

  function cell(text, label) {
    var td = document.createElement('td');
    td.setAttribute('data-label', label);
    td.textContent = text;
    return td;
  }

  function render(rows) {
    var body = panel.querySelector('tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      var empty = document.createElement('tr');
      var td = cell(T.none, '');
      td.colSpan = T.columns.length;
      empty.appendChild(td);
      body.appendChild(empty);
    }
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-rule', r.rule);
      var trigger = (T.triggers[r.trigger] || r.trigger) + (r.botOnly ? ' (' + T.botOnly + ')' : '');
      [
        r.rule,
        trigger,
        String(r.shown),
        String(r.accepted),
        String(r.dismissed),
        r.acceptanceRate === null ? '–' : percent.format(r.acceptanceRate),
      ].forEach(function (text, i) {
        tr.appendChild(cell(text, T.columns[i]));
      });
      body.appendChild(tr);
    });
    panel.hidden = false;
  }

  function load() {
    var token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return;
    fetch('/api/reports/invitations', { headers: { authorization: 'Bearer ' + token } })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (body) {
        if (body && Array.isArray(body.rules)) render(body.rules);
      })
      .catch(function () {
        // The rest of the dashboard tells about a failing server.
      });
  }

  // dashboard.js sets data-loaded each time its figures are loaded: every (re)load refreshes this table too.
  new MutationObserver(load).observe(document.body, { attributes: true, attributeFilter: ['data-loaded'] });
  if (document.body.getAttribute('data-loaded') === 'true') load();
})();
