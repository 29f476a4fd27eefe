// @ts-check
// Every French text of the history page (en.js has the same keys).

export const fr = {
  lang: 'fr',
  title: 'Historique des conversations',
  consoleLink: 'Console',
  loginTitle: 'Historique — connexion conseiller',
  agentId: 'Identifiant',
  password: 'Mot de passe',
  logIn: 'Se connecter',
  logOut: 'Déconnexion',
  loginFailed: 'Connexion impossible',
  sessionExpired: 'Session expirée : reconnectez-vous.',
  language: 'Langue de la page',
  search: 'Rechercher dans les conversations',
  searchPlaceholder: 'Mots du client ou du conseiller (accents et majuscules ignorés)',
  searchButton: 'Rechercher',
  filters: 'Filtres',
  state: 'État',
  convLanguage: 'Langue',
  queue: 'File',
  path: 'Parcours',
  agent: 'Conseiller (identifiant)',
  from: 'Du',
  to: 'Au (inclus)',
  ces: 'CES',
  pageSize: 'Par page',
  any: 'Tous',
  reset: 'Effacer les filtres',
  states: {
    bot: 'Avec l’assistant',
    queued: 'En file',
    'with-agent': 'Avec un conseiller',
    ticket: 'Ticket',
    resolved: 'Résolue',
    closed: 'Close (client silencieux)',
  },
  languages: { fr: 'Français', en: 'Anglais' },
  queues: { standard: 'Standard', b2b: 'B2B', vip: 'VIP' },
  paths: {
    'bot-only': 'Assistant seul',
    clarified: 'Précisée',
    escalated: 'Passée à un conseiller',
    ticket: 'Ticket',
  },
  /** @param {number} total */
  results: (total) =>
    total === 0 ? 'Aucune conversation' : total === 1 ? '1 conversation' : `${total} conversations`,
  /** @param {number} first @param {number} last @param {number} total */
  range: (first, last, total) => `${first}–${last} sur ${total}`,
  previous: 'Page précédente',
  next: 'Page suivante',
  loading: 'Chargement…',
  noTitle: '(sans message du client)',
  /** @param {number} n */
  lineCount: (n) => (n === 1 ? '1 ligne' : `${n} lignes`),
  /** @param {number} points */
  cesValue: (points) => `CES ${points}`,
  back: 'Retour à la liste',
  startedAt: 'Début',
  closedAt: 'Fin',
  agents: 'Conseillers',
  channel: 'Canal',
  customer: 'Client',
  bot: 'Assistant',
  /** @param {string} agentId */
  botForAgent: (agentId) => `Assistant, au nom de ${agentId}`,
  /** @param {string} agentId */
  agentSays: (agentId) => `Conseiller ${agentId}`,
  /** @param {string} agentId */
  internalNote: (agentId) => `Note interne de ${agentId} — invisible pour le client`,
  /** @param {string[]} ids */
  mentions: (ids) => `Mentionne : ${ids.join(', ')}`,
  decisionTitle: 'Décision de l’assistant',
  decisions: {
    answer: 'a répondu avec la fiche',
    clarify: 'a demandé de préciser, d’abord la fiche',
    escalate: 'n’a pas répondu',
    handoff: 'a passé la conversation à un conseiller',
  },
  /** @param {string} id */
  entry: (id) => `« ${id} »`,
  noEntry: 'aucune fiche',
  /** @param {number} percent */
  confidence: (percent) => `confiance ${percent} %`,
  engineDetail: 'Détail du moteur de recherche (en anglais)',
  reasonLabel: 'Pourquoi\u00a0:',
  reasons: {
    'low-confidence': 'confiance trop faible',
    'customer-request': 'le client a demandé une personne',
    'answer-refused': 'le client a dit que la réponse ne convenait pas',
    'repeated-misses': 'plusieurs réponses manquées de suite',
    frustration: 'le client semblait agacé',
    'entry-escalate': 'la fiche demande toujours un conseiller',
    'needs-login': 'il faut un compte identifié',
    'no-content': 'aucun mot à chercher',
  },
  candidates: 'Fiches proches\u00a0:',
  /** @param {string} id @param {number} percent */
  candidate: (id, percent) => `${id} (${percent} %)`,
  events: {
    queued: 'Mise en file d’attente',
    ticket: 'Ticket ouvert (hors horaires ou personne en ligne)',
    recorded: 'Demande enregistrée',
    claimed: 'Prise en charge',
    transferred: 'Transférée',
    released: 'Remise en file',
    'handed-back': 'Rendue à l’assistant',
    resolved: 'Résolue',
    'ticket-answered': 'Ticket répondu',
    cancelled: 'Demande annulée par le client',
    system: 'Console',
  },
  /** @param {string} agentId */
  byAgent: (agentId) => `par ${agentId}`,
  notFound: 'Cette conversation n’est plus dans l’historique.',
};
