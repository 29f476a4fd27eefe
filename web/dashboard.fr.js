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
    unresolved: 'Sans solution',
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
    live: 'En ce moment',
    agents: 'Par conseiller',
    agentsNote: '(conversations closes sur la période ; temps médians)',
    agentColumn: 'Conseiller',
    handledColumn: 'Traitées',
    passedOnColumn: 'Passées à un collègue',
    firstReplyColumn: 'Première réponse',
    handlingColumn: 'Durée de traitement',
    cesColumn: 'CES',
    exportAgentsCsv: 'Exporter par conseiller (CSV)',
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
  unresolved: 'Sans solution',
  unresolvedDetail: function (count, total) {
    return count + ' sur ' + total + " conversations : l'assistant n'a pas compris, ou n'a pas répondu";
  },
  escalationOpen: function (count, total, open) {
    return (
      count + ' sur ' + total + ' conversations, dont ' + open + ' encore en cours (file, conseiller, ticket)'
    );
  },
  accept: 'Accepter',
  acceptLabel: function (what) {
    return 'Accepter : ' + what;
  },
  addToKb: 'Ajouter à la base',
  cancel: 'Annuler',
  entryIdLabel: 'Identifiant de la fiche',
  questionLabel: 'Question',
  answerLabel: 'Réponse',
  accepted: function (entryId, count) {
    return (
      'Ajouté à la base : fiche « ' + entryId + ' », ' + count + ' formulation' + (count > 1 ? 's' : '') + '.'
    );
  },
  alreadyInKb: function (entryId) {
    return 'Déjà dans la base : fiche « ' + entryId + ' ».';
  },
  acceptFailed: 'Suggestion refusée : ',
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
  agentsCsvName: 'conseillers',
  cesAnswers: function (n) {
    return n + ' avis';
  },
  fewAnswers: function (n, min) {
    return 'Peu d’avis (' + n + ', moins de ' + min + ') : chiffre indicatif';
  },
  noAgents: 'Aucun conseiller sur la période.',
  presence: { online: 'En ligne', away: 'Absent', offline: 'Hors ligne' },
  load: function (load, capacity) {
    return load + ' / ' + capacity + ' conversations';
  },
  queueLength: function (queue, waiting, head) {
    return (
      queue + ' : ' + waiting + ' en attente' + (head ? ' (la prochaine attend depuis ' + head + ')' : '')
    );
  },
  noQueue: 'Personne en attente.',
  tickets: function (open, answered) {
    return (
      'Tickets : ' +
      open +
      ' ouvert' +
      (open > 1 ? 's' : '') +
      ', ' +
      answered +
      ' répondu' +
      (answered > 1 ? 's' : '') +
      ' en attente du client'
    );
  },
  heldConversation: function (language, queue, waiting, held) {
    return language + ' · ' + queue + ' · avec les conseillers depuis ' + waiting + ' · pris il y a ' + held;
  },
  awaitingFirstReply: 'pas encore de réponse',
  noConversation: 'Aucune conversation en cours.',
  offline: function (names) {
    return 'Hors ligne : ' + names;
  },
  updatedAt: function (time) {
    return '(mis à jour à ' + time + ')';
  },
  liveFailed: '(mise à jour impossible : ',
});
