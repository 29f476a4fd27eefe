import type { SupportHours } from '../config';
import type { Mission } from '../ports/back-office';
import type { SupportStatus } from '../requests/support-hours';
import type { BotText } from './types';

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const day = (iso: number): string => DAYS[iso - 1] ?? '?';

function daysPhrase(days: readonly number[]): string {
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return '';
  const contiguous = days.every((d, i) => d === first + i);
  if (contiguous && days.length > 2) return `du ${day(first)} au ${day(last)}`;
  return days.map(day).join(', ');
}

const hoursPhrase = (h: SupportHours): string =>
  `${daysPhrase(h.days)} de ${h.openHour} h à ${h.closeHour} h`;

function reopening(status: SupportStatus): string {
  if (status.open) return '';
  return status.opensOn.today
    ? `aujourd'hui à ${status.opensOn.hour} h`
    : `${day(status.opensOn.weekday)} à ${status.opensOn.hour} h`;
}

const when = (date: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);

const missionLabel = (m: Mission, timeZone: string): string =>
  `${m.service.fr} du ${when(m.startsAt, timeZone)} (${m.hours} h, ${m.providerName})`;

export const fr: BotText = {
  welcome: (h) =>
    `Bonjour, je suis l'assistant virtuel de Mon aide à l'heure (un robot, pas une personne). Posez-moi votre question. ` +
    `À tout moment, écrivez « conseiller » pour parler à une personne du service Client (ouvert ${hoursPhrase(h)}).`,
  greeting: 'Bonjour ! Quelle est votre question ?',
  thanks: 'Avec plaisir ! Avez-vous une autre question ?',
  yes: 'Oui',
  no: 'Non',
  answerCheck: 'Est-ce que cela répond à votre question ?',
  resolved: 'Parfait, ravi d’avoir pu vous aider ! N’hésitez pas si vous avez une autre question.',
  clarify: 'Je veux être sûr de bien comprendre. Votre question porte-t-elle sur l’un de ces sujets ?',
  noneOfThese: 'Aucun de ces sujets',
  notUnderstood:
    'Je n’ai pas bien compris. Pouvez-vous reformuler votre question ? Vous pouvez aussi demander à parler à un conseiller.',
  talkToPerson: 'Parler à un conseiller',
  handoffStarted: (status, h) =>
    status.open
      ? `Je transmets votre demande à un conseiller du service Client, avec notre échange. Une personne vous répondra ici dès que possible.`
      : `Je transmets votre demande à un conseiller du service Client, avec notre échange. Le service est fermé en ce moment (ouvert ${hoursPhrase(h)}) : une personne vous répondra à partir de ${reopening(status)}.`,
  handoffPending:
    'Votre demande est déjà transmise à un conseiller : j’ai ajouté ce message à votre dossier. Une personne vous répondra ici.',
  handoffQueued: (position, minutes) =>
    `Je transmets votre demande à un conseiller du service Client, avec notre échange. Vous êtes en position ${position} dans la file` +
    (minutes === null ? '.' : `, attente estimée : environ ${minutes} min.`) +
    ' Écrivez « annuler » pour revenir à l’assistant.',
  handoffStillQueued: (position, minutes) =>
    `Votre demande est déjà transmise à un conseiller : j’ai ajouté ce message à votre dossier. Vous êtes en position ${position}` +
    (minutes === null ? '.' : `, attente estimée : environ ${minutes} min.`),
  handoffTicket: (promised) =>
    `Je transmets votre demande à un conseiller du service Client, avec notre échange. ${promised}`,
  handoffWaitUpdate: (position, minutes) =>
    `Vous êtes maintenant en position ${position} dans la file` +
    (minutes === null ? '.' : `, attente estimée : environ ${minutes} min.`) +
    ' Merci de patienter, un conseiller arrive.',
  uploadRefused: (why, max) =>
    why === 'too-large'
      ? `Ce fichier est trop lourd : ${max} Mo au plus. Il n’a pas été envoyé.`
      : why === 'no-agent'
        ? 'Les fichiers sont lus par nos conseillers : demandez d’abord à parler à un conseiller, puis renvoyez-le.'
        : why === 'quota'
          ? 'Vous avez déjà envoyé le maximum de fichiers pour cette conversation. Celui-ci n’a pas été envoyé.'
          : why === 'wrong-name'
            ? 'Le nom de ce fichier ne correspond pas à son contenu : il doit finir par .png, .jpg, .gif, .webp, .pdf ou .txt. Il n’a pas été envoyé.'
            : 'Ce type de fichier n’est pas accepté : envoyez une image (PNG, JPEG, GIF, WebP), un PDF ou un fichier texte. Il n’a pas été envoyé.',
  handedBack: 'Vous parlez de nouveau à l’assistant virtuel (un robot). Avez-vous une autre question ?',
  agentJoined: (name) => `${name} du service Client a rejoint la conversation.`,
  agentTookOver: (name) => `${name} du service Client a pris le relais.`,
  agentLeft: (name) =>
    `${name ?? 'Le conseiller'} a quitté la conversation. Vous êtes de nouveau dans la file : un autre conseiller va vous répondre ici.`,
  agentHandedBack: (name) => `${name} vous a repassé à l’assistant.`,
  agentSays: (name, text) => `${name}\u00a0: ${text}`,
  backToBot: 'Revenir à l’assistant',
  handoffCancelled: 'C’est noté, j’annule la demande de mise en relation. Quelle est votre question ?',
  supportHours: (status, h) =>
    `Le service Client est ouvert ${hoursPhrase(h)} (heure de Paris). ` +
    (status.open
      ? `Il est ouvert en ce moment, jusqu’à ${status.closesAtHour} h.`
      : `Il est fermé en ce moment et rouvre ${reopening(status)}.`),
  bookingMinimum:
    'Une prestation dure au minimum une heure : il n’existe pas de formule à la demi-heure. C’est pour cela que le formulaire affiche « montant minimum de la commande : une heure » sous 60 minutes. Je vous propose de réserver une heure.',
  bookOneHour: 'Réserver une heure',
  bookOneHourSteps:
    'Pour réserver une heure : connectez-vous, cliquez sur « Réserver », choisissez la prestation, l’adresse, la date et le créneau, puis la durée « 1 h », et validez. Vous recevez aussitôt un e-mail de confirmation.',
  noShowLoginRequired:
    'Désolé que votre prestataire ne soit pas venu. Pour déclencher le remboursement, je dois savoir qui vous êtes : connectez-vous à votre espace client puis écrivez-moi de nouveau, ou parlez à un conseiller.',
  noShowChooseMission: 'Désolé que votre prestataire ne soit pas venu. De quelle prestation s’agit-il ?',
  noShowNoMission:
    'Je ne trouve aucune prestation récente sur votre compte. Je vous propose de parler à un conseiller.',
  missionLabel,
  noShowOutcome: (o, tz) => {
    switch (o.status) {
      case 'refunded':
        return (
          `C’est fait : la prestation « ${missionLabel(o.mission, tz)} » est signalée « prestataire absent » et vos ${o.refundedHours} h vous sont remboursées automatiquement. ` +
          `Vous allez recevoir un e-mail avec une réduction de ${o.discountPercent} % sur votre prochaine commande. ` +
          `Voulez-vous réserver la même prestation au même horaire la semaine prochaine (${when(o.rebookSlot, tz)}) ?`
        );
      case 'already-reported':
        return `La prestation « ${missionLabel(o.mission, tz)} » est déjà signalée : le remboursement est en cours.`;
      case 'unknown-mission':
        return 'Je ne trouve pas cette prestation sur votre compte.';
    }
  },
  rebookAction: 'Réserver la semaine prochaine',
  rebooked: (m, tz) => `C’est réservé : ${missionLabel(m, tz)}. Vous recevez un e-mail de confirmation.`,
  vip: 'L’abonnement VIP coûte 15 € par mois. Avec lui, l’aide à domicile vient avec ses outils et le matériel nécessaire à la prestation, si vous ne l’avez pas chez vous. Vous pouvez y souscrire depuis votre espace client.',
  contact: (status, h) =>
    `Le service Client vous répond ${hoursPhrase(h)} (heure de Paris), ici même par chat ou au numéro vert affiché dans votre espace client. ` +
    (status.open
      ? 'Il est ouvert en ce moment : écrivez « conseiller » pour être mis en relation.'
      : `Il est fermé en ce moment et rouvre ${reopening(status)}.`),
  technicalProblem:
    'Désolé, un problème technique m’empêche de répondre. Réessayez dans un instant ou écrivez « conseiller ».',
  goodbye: 'Au revoir et bonne journée !',
  goodbyeSurvey: 'Merci de votre visite ! Une dernière question avant de partir :',
  agentResolved:
    'Je clôture notre échange : votre demande est traitée. Merci de nous avoir contactés et bonne journée !',
  ticketSettled: 'Parfait, je clôture votre demande. Merci de nous avoir répondu !',
  ticketNowLive:
    'Bonne nouvelle : un conseiller est maintenant disponible. Votre demande passe en conversation en direct, restez sur cette page.',
};
