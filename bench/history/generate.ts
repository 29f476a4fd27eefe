import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase, type Entry, type Locale } from '../../knowledge-base/index';
import type { HistoryFacts, NewHistoryLine } from '../../bot/history/history-store';

/** One generated conversation: its lines in order and the facts known at its close. */
export interface GeneratedConversation {
  readonly id: string;
  readonly lines: readonly NewHistoryLine[];
  readonly facts: HistoryFacts;
}

/** What conversations are made of, per language: the demo KB and customer phrasings. */
export interface Material {
  readonly entries: readonly Entry[];
  /** Customer messages: the calibration set (real-looking questions, typos, chat spellings). */
  readonly customer: readonly string[];
}

const AGENTS = ['alice', 'bruno', 'chloe', 'david', 'emma', 'farid'] as const;

const PHRASES: Record<Locale, { readonly [k: string]: readonly string[] }> = {
  fr: {
    welcome: ["Bonjour, je suis l'assistant virtuel de Mon aide à l'heure. Posez-moi votre question."],
    check: ['Est-ce que cela répond à votre question ?'],
    yes: ['Oui merci', 'oui', 'parfait merci beaucoup', "C'est bon merci"],
    no: ['Non', 'non pas vraiment', 'ça ne répond pas à ma question'],
    handoff: ['Je transmets votre demande à un conseiller du service Client, avec notre échange.'],
    agent: [
      'Bonjour, je regarde votre dossier tout de suite.',
      'Je vois votre réservation de mardi, je vérifie avec le prestataire.',
      "J'ai bien noté, je vous rembourse l'heure manquée.",
      "Pouvez-vous me confirmer l'adresse de l'intervention ?",
      'Votre facture corrigée est disponible dans votre espace client.',
      'Je vous propose un autre prestataire pour jeudi matin.',
    ],
    follow: ['Merci pour votre aide', "d'accord je comprends", 'et pour la semaine prochaine ?', 'super'],
  },
  en: {
    welcome: ["Hello, I am Mon aide à l'heure's virtual assistant. Ask me your question."],
    check: ['Did this answer your question?'],
    yes: ['Yes thanks', 'yes', 'great thank you', 'perfect'],
    no: ['No', 'not really', "that doesn't answer my question"],
    handoff: ['I am passing your request to a customer service agent, with our conversation.'],
    agent: [
      'Hello, I am looking at your account right now.',
      "I can see Tuesday's booking, I am checking with the provider.",
      'Noted, I am refunding the missed hour.',
      'Could you confirm the address of the visit?',
      'Your corrected invoice is in your customer area.',
      'I can offer another provider on Thursday morning.',
    ],
    follow: ['Thanks for your help', 'ok I see', 'and what about next week?', 'great'],
  },
};

/** A small seeded generator, so every run builds the same 100,000 conversations. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadMaterial(root: string): Promise<Record<Locale, Material>> {
  const out = {} as Record<Locale, Material>;
  for (const locale of ['fr', 'en'] as const) {
    const kb = await loadKnowledgeBase([join(root, 'knowledge-base', 'demo', `${locale}.yaml`)]);
    const customer = readFileSync(join(root, 'knowledge-base', 'demo', `${locale}.calibration.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text);
    out[locale] = { entries: kb.entries, customer };
  }
  return out;
}

const DAY = 24 * 3600 * 1000;

/**
 * Conversation `index` of `count`, started over the year before `end`: 10–40 lines in French
 * (55 %) or English, questions from the calibration set and the KB's own phrasings, the KB's
 * answers, a third escalated to one of six agents, CES answered on 40 %.
 */
export function generateConversation(
  index: number,
  count: number,
  end: number,
  material: Record<Locale, Material>,
  random: () => number,
): GeneratedConversation {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const locale: Locale = random() < 0.55 ? 'fr' : 'en';
  const { entries, customer } = material[locale];
  const say = PHRASES[locale];
  const pickSay = (k: string): string => pick(say[k] ?? ['']);
  const target = 10 + Math.floor(random() * 31);
  const escalated = random() < 0.35;
  const agentId = pick(AGENTS);
  let at = end - 365 * DAY + Math.floor((index / count) * 365 * DAY);
  const lines: NewHistoryLine[] = [];
  const push = (line: NewHistoryLine): void => {
    lines.push(line);
    at += 1_000 + Math.floor(random() * 30_000);
  };
  const bot = (text: string) => push({ kind: 'message', from: 'bot', text, at });
  const said = (text: string) => push({ kind: 'message', from: 'customer', text, at });
  bot(pickSay('welcome'));
  let handedOver = false;
  while (lines.length < target) {
    if (handedOver) {
      if (random() < 0.5) push({ kind: 'message', from: 'agent', text: pickSay('agent'), at, agentId });
      else said(random() < 0.6 ? pick(customer) : pickSay('follow'));
      continue;
    }
    const entry = pick(entries);
    said(
      random() < 0.6
        ? pick(customer)
        : random() < 0.5
          ? entry.question
          : (entry.alternates[0] ?? entry.question),
    );
    const confidence = Math.round(random() * 1000) / 1000;
    push({
      kind: 'decision',
      at,
      decision: 'answer',
      entryId: entry.id,
      confidence,
      reason: 'matched words',
    });
    bot(entry.answer);
    bot(pickSay('check'));
    if (escalated && lines.length > target / 2) {
      said(pickSay('no'));
      push({
        kind: 'decision',
        at,
        decision: 'handoff',
        reason: 'answer-refused',
        entryId: entry.id,
        confidence,
      });
      push({ kind: 'event', at, event: 'queued' });
      bot(pickSay('handoff'));
      handedOver = true;
    } else said(pickSay('yes'));
  }
  const ces = random() < 0.4 ? ((1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5) : undefined;
  const ended = random() < 0.9;
  const facts: HistoryFacts = {
    language: locale,
    channel: 'webchat',
    state: ended ? (random() < 0.85 ? 'resolved' : 'closed') : escalated ? 'with-agent' : 'bot',
    path: escalated ? (random() < 0.2 ? 'ticket' : 'escalated') : random() < 0.15 ? 'clarified' : 'bot-only',
    ...(escalated ? { agentId, queue: random() < 0.1 ? 'vip' : random() < 0.2 ? 'b2b' : 'standard' } : {}),
    ...(ended ? { closedAt: at } : {}),
    ...(ces ? { ces } : {}),
  };
  return { id: `bench-${index.toString(36)}-${Math.floor(random() * 1e9).toString(36)}`, lines, facts };
}
