/* global window */
// Every English text of the dashboard; web/dashboard.fr.js holds the same keys in French.
window.RelaisDashboardText = Object.freeze({
  locale: 'en-GB',
  static: {
    title: 'Relais — Customer Service dashboard',
    heading: 'Customer Service dashboard',
    signOut: 'Sign out',
    tokenLabel: 'Supervisor token',
    open: 'Open the dashboard',
    from: 'From',
    to: 'to',
    refresh: 'Refresh',
    exportCsv: 'Export surveys (CSV)',
    ces: 'CES',
    deflection: 'Resolved by the assistant',
    escalation: 'Handed to Customer Service',
    unresolved: 'Unresolved',
    notAnswered: '“No, not answered”',
    wait: 'Wait for an agent',
    csat: 'Satisfaction (CSAT)',
    nps: 'Recommendation (NPS)',
    cesByDay: 'CES per day',
    cesByDayNote: '(lower = easier; target 2.0)',
    cesByPath: 'CES per path',
    resolution: 'Resolution',
    reasons: 'Reasons for handing over',
    topEntries: 'Most used entries',
    suggestions: 'Unanswered questions: suggestions for the knowledge base',
    switchLanguage: 'Français',
    live: 'Right now',
    agents: 'Per agent',
    agentsNote: '(conversations closed in the period; median times)',
    agentColumn: 'Agent',
    handledColumn: 'Handled',
    passedOnColumn: 'Passed to a colleague',
    firstReplyColumn: 'First reply',
    handlingColumn: 'Handling time',
    cesColumn: 'CES',
    exportAgentsCsv: 'Export per agent (CSV)',
  },
  aria: {
    cesByDay: 'CES per day',
    cesByPath: 'CES per path',
    deflection: 'Share resolved by the assistant',
    reasons: 'Reasons for handing over',
    topEntries: 'Most used entries',
  },
  paths: {
    'bot-only': 'Assistant alone',
    clarified: 'Assistant, after clarifying',
    escalated: 'Agent',
    ticket: 'Ticket',
  },
  reasons: {
    'customer-request': 'Customer asked',
    'answer-refused': 'Answer refused',
    'repeated-misses': 'Not understood twice',
    'low-confidence': 'Question not understood',
    frustration: 'Frustration',
    'entry-escalate': 'Topic for agents only',
    'needs-login': 'Sign-in needed',
    unknown: 'Not given',
  },
  cesAxis: 'CES (1 very easy … 5 very difficult)',
  cesLine: 'CES',
  target: 'Target',
  conversationsLabel: 'Conversations',
  cesDetail: function (count) {
    return count + ' answers · target 2.0';
  },
  noCes: 'no answers in this period',
  outOfConversations: function (count, total) {
    return count + ' of ' + total + ' conversations';
  },
  notAnsweredDetail: function (count, total) {
    return count + ' “No” out of ' + total + ' answers';
  },
  lessThanAMinute: '< 1 min',
  minutes: function (m) {
    return m + ' min';
  },
  waitDetail: function (p90, p99) {
    return 'median · p90 ' + p90 + ' · p99 ' + p99;
  },
  csatDetail: function (mean) {
    return 'satisfied (4 or 5) · mean ' + mean;
  },
  noAnswer: 'no answers',
  npsDetail: function (count, promoters, detractors) {
    return count + ' ratings · ' + promoters + '% promoters − ' + detractors + '% detractors';
  },
  noSuggestion: 'No missed question comes back more than once in this period.',
  newPhrasing: function (entryId) {
    return 'New phrasing for the entry “' + entryId + '”';
  },
  newEntry: 'New entry',
  suggestion: function (what, count, examples) {
    return what + ' (' + count + ' times): ' + examples;
  },
  unresolved: 'Unresolved',
  unresolvedDetail: function (count, total) {
    return count + ' of ' + total + ' conversations: the assistant did not understand, or did not answer';
  },
  escalationOpen: function (count, total, open) {
    return count + ' of ' + total + ' conversations, ' + open + ' still open (queue, agent, ticket)';
  },
  accept: 'Accept',
  acceptLabel: function (what) {
    return 'Accept: ' + what;
  },
  addToKb: 'Add to the knowledge base',
  cancel: 'Cancel',
  entryIdLabel: 'Entry id',
  questionLabel: 'Question',
  answerLabel: 'Answer',
  accepted: function (entryId, count) {
    return (
      'Added to the knowledge base: entry “' +
      entryId +
      '”, ' +
      count +
      ' phrasing' +
      (count > 1 ? 's' : '') +
      '.'
    );
  },
  alreadyInKb: function (entryId) {
    return 'Already in the knowledge base: entry “' + entryId + '”.';
  },
  acceptFailed: 'Suggestion refused: ',
  loading: 'Loading…',
  closedInPeriod: function (count, silent) {
    return (
      count +
      ' conversations closed in this period' +
      (silent ? ', ' + silent + ' of them on customer silence' : '')
    );
  },
  error: 'Error: ',
  tokenRefused: 'Token refused: check it and try again.',
  csvName: 'surveys',
  agentsCsvName: 'agents',
  cesAnswers: function (n) {
    return n + (n === 1 ? ' answer' : ' answers');
  },
  fewAnswers: function (n, min) {
    return 'Few answers (' + n + ', fewer than ' + min + '): indicative only';
  },
  noAgents: 'No agent in the period.',
  presence: { online: 'Online', away: 'Away', offline: 'Offline' },
  load: function (load, capacity) {
    return load + ' / ' + capacity + ' conversations';
  },
  queueLength: function (queue, waiting, head) {
    return queue + ': ' + waiting + ' waiting' + (head ? ' (the next one has waited ' + head + ')' : '');
  },
  noQueue: 'Nobody waiting.',
  tickets: function (open, answered) {
    return 'Tickets: ' + open + ' open, ' + answered + ' answered awaiting the customer';
  },
  heldConversation: function (language, queue, waiting, held) {
    return language + ' · ' + queue + ' · with agents for ' + waiting + ' · taken ' + held + ' ago';
  },
  awaitingFirstReply: 'no reply yet',
  noConversation: 'No conversation in hand.',
  offline: function (names) {
    return 'Offline: ' + names;
  },
  updatedAt: function (time) {
    return '(updated at ' + time + ')';
  },
  liveFailed: '(could not refresh: ',
});
