/* global window */
// Every French text of the dashboard; web/dashboard.en.js holds the same keys in English.
window.RelaisDashboardText = Object.freeze({
  locale: 'fr-FR',
  static: {
    title: 'Relais — tableau de bord du service Client',
    heading: 'Tableau de bord du service Client',
    signOut: 'Se déconnecter',
    tokenLabel: 'Jeton superviseur',
    open: 'Ouvrir le tableau de bord',
    from: 'Du',
    to: 'au',
    refresh: 'Actualiser',
    exportCsv: 'Exporter les avis (CSV)',
    ces: 'CES',
    deflection: "Résolues par l'assistant",
    escalation: 'Transmises au service Client',
    notAnswered: '« Non, pas de réponse »',
    wait: 'Attente avant un conseiller',
    csat: 'Satisfaction (CSAT)',
    nps: 'Recommandation (NPS)',
    cesByDay: 'CES par jour',
    cesByDayNote: '(plus bas = plus facile ; objectif 2,0)',
    cesByPath: 'CES par parcours',
    resolution: 'Résolution',
    reasons: 'Raisons de transmission',
    topEntries: 'Fiches les plus utilisées',
    suggestions: 'Questions sans réponse : suggestions pour la base',
    switchLanguage: 'English',
  },
  aria: {
    cesByDay: 'CES par jour',
    cesByPath: 'CES par parcours',
    deflection: "Part résolue par l'assistant",
    reasons: 'Raisons de transmission',
    topEntries: 'Fiches les plus utilisées',
  },
  paths: {
    'bot-only': 'Assistant seul',
    clarified: 'Assistant, après précision',
    escalated: 'Conseiller',
    ticket: 'Ticket',
  },
  reasons: {
    'customer-request': 'Demande du client',
    'answer-refused': 'Réponse refusée',
    'repeated-misses': 'Incompris deux fois',
    'low-confidence': 'Question incomprise',
    frustration: 'Mécontentement',
    'entry-escalate': 'Sujet réservé aux conseillers',
    'needs-login': 'Connexion nécessaire',
    unknown: 'Non précisée',
  },
  cesAxis: 'CES (1 très facile … 5 très compliqué)',
  cesLine: 'CES',
  target: 'Objectif',
  conversationsLabel: 'Conversations',
  cesDetail: function (count) {
    return count + ' avis · objectif 2,0';
  },
  noCes: 'aucun avis sur la période',
  outOfConversations: function (count, total) {
    return count + ' sur ' + total + ' conversations';
  },
  notAnsweredDetail: function (count, total) {
    return count + ' « Non » sur ' + total + ' réponses';
  },
  lessThanAMinute: '< 1 min',
  minutes: function (m) {
    return m + ' min';
  },
  waitDetail: function (p90, p99) {
    return 'médiane · p90 ' + p90 + ' · p99 ' + p99;
  },
  csatDetail: function (mean) {
    return 'satisfaits (4 ou 5) · moyenne ' + mean;
  },
  noAnswer: 'pas de réponse',
  npsDetail: function (count, promoters, detractors) {
    return count + ' notes · ' + promoters + ' % promoteurs − ' + detractors + ' % détracteurs';
  },
  noSuggestion: 'Aucune question manquée ne revient plusieurs fois sur la période.',
  newPhrasing: function (entryId) {
    return 'Nouvelle formulation pour la fiche « ' + entryId + ' »';
  },
  newEntry: 'Nouvelle fiche',
  suggestion: function (what, count, examples) {
    return what + ' (' + count + ' fois) : ' + examples;
  },
  loading: 'Chargement…',
  closedInPeriod: function (count, silent) {
    return (
      count +
      ' conversations closes sur la période' +
      (silent ? ', dont ' + silent + ' closes faute de réponse du client' : '')
    );
  },
  error: 'Erreur : ',
  tokenRefused: 'Jeton refusé : vérifiez-le et réessayez.',
  csvName: 'avis',
});
