// French as customers type it in a chat window or an SMS, read as the KB writes it: glued elisions
// ("jai", "jpeux", "chui"), abbreviations ("bjr", "qqn", "rdv", "sav"), "c" / "g" for c'est / j'ai,
// and letters held down ("nuuul"). Used by normalize.ts only, on French text: the matcher and the
// bot's intents read messages through it, so a rule here serves both.

/**
 * Runs of one letter three times or more, shortened: to two for a consonant between two letters
 * ("annnnuler" → "annuler", "apppeler" → "appeler"), to one otherwise ("nuuuul" → "nul",
 * "merciiii" → "merci"). Two letters are left alone: French doubles them ("annuler", "elle").
 */
export function shortenHeldLetters(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, (run: string, letter: string, at: number, whole: string) => {
    const inside = /\p{L}/u.test(whole[at - 1] ?? '') && /\p{L}/u.test(whole[at + run.length] ?? '');
    const consonant = !/[aeiouyàâäéèêëîïôöùûüœæ]/.test(letter);
    return consonant && inside ? letter + letter : letter;
  });
}

/** One token for one or more words, accent-free and lower-case (what foldWords gives). */
const SPELLINGS: Readonly<Record<string, string>> = {
  // Glued elisions and contractions.
  jai: 'j ai',
  jen: 'j en',
  jy: 'j y',
  javais: 'j avais',
  jaurais: 'j aurais',
  jaurai: 'j aurai',
  jaimerais: 'j aimerais',
  jaimerai: 'j aimerai',
  jaime: 'j aime',
  jattends: 'j attends',
  jattend: 'j attends',
  jarrive: 'j arrive',
  jessaie: 'j essaie',
  jessaye: 'j essaye',
  jetais: 'j etais',
  jhabite: 'j habite',
  joublie: 'j oublie',
  jachete: 'j achete',
  jappelle: 'j appelle',
  jsp: 'je sais pas',
  chui: 'je suis',
  chuis: 'je suis',
  chu: 'je suis',
  jsui: 'je suis',
  cest: 'c est',
  cetait: 'c etait',
  sest: 's est',
  quil: 'qu il',
  kil: 'qu il',
  ya: 'il y a',
  dla: 'de la',
  ptet: 'peut etre',
  ptetre: 'peut etre',
  // Abbreviations.
  bjr: 'bonjour',
  bjour: 'bonjour',
  bsr: 'bonsoir',
  slt: 'salut',
  mrc: 'merci',
  mci: 'merci',
  stp: 'stp',
  svp: 'svp',
  svpl: 'svp',
  pk: 'pourquoi',
  pq: 'pourquoi',
  pkoi: 'pourquoi',
  pourkoi: 'pourquoi',
  prq: 'pourquoi',
  pcq: 'parce que',
  pck: 'parce que',
  psk: 'parce que',
  paske: 'parce que',
  parceque: 'parce que',
  qqn: 'quelqu un',
  qqun: 'quelqu un',
  qq1: 'quelqu un',
  quelquun: 'quelqu un',
  kelkun: 'quelqu un',
  qqch: 'quelque chose',
  qqchose: 'quelque chose',
  qqc: 'quelque chose',
  quelquechose: 'quelque chose',
  qd: 'quand',
  kan: 'quand',
  koi: 'quoi',
  ki: 'qui',
  ke: 'que',
  kel: 'quel',
  kelle: 'quelle',
  keske: 'qu est ce que',
  tjrs: 'toujours',
  tjs: 'toujours',
  tjr: 'toujours',
  bcp: 'beaucoup',
  dsl: 'desole',
  rdv: 'rendez vous',
  rdvs: 'rendez vous',
  mdp: 'mot de passe',
  sav: 'service apres vente',
  resa: 'reservation',
  resas: 'reservations',
  cmt: 'comment',
  komen: 'comment',
  cmb: 'combien',
  pb: 'probleme',
  pbm: 'probleme',
  pblm: 'probleme',
  pbs: 'problemes',
  auj: 'aujourd hui',
  ajd: 'aujourd hui',
  aujd: 'aujourd hui',
  dmn: 'demain',
  msg: 'message',
  vs: 'vous',
  ns: 'nous',
  tt: 'tout',
  pr: 'pour',
  ds: 'dans',
};

/** "s il vous plait" and "s il te plait" are politeness, as "svp" / "stp" (stop words). */
const PHRASES: ReadonlyArray<readonly [readonly string[], string]> = [
  [['s', 'il', 'vous', 'plait'], 'svp'],
  [['s', 'il', 'te', 'plait'], 'stp'],
  [['sil', 'vous', 'plait'], 'svp'],
  [['sil', 'te', 'plait'], 'stp'],
];

/** What "c'" is elided before: "c est", "c etait" stay as written. */
const AFTER_ELIDED_C = new Set(['est', 'etait', 'etaient', 'en', 'eut', 'a']);
/** Words that name a letter ("bâtiment C", "vitamine C", "plan B"): "c" / "g" after them is a letter. */
const LETTER_NAMERS = new Set(
  `batiment bat escalier esc porte entree bloc appartement appart apt etage lettre vitamine plan type
  classe categorie niveau option groupe zone hall aile tour residence section rang allee`.split(/\s+/),
);
/** After these, "cb" is "combien" ("cb de temps", "c cb", "cb ça coûte"), not a bank card. */
const COMBIEN_NEXT = new Set(['de', 'd', 'ca', 'coute', 'coutent', 'faut', 'pour', 'il', 'elle', 'en']);
/** Masculine determiners: "le presta" is the provider, "la presta" / "une presta" the service. */
const MASCULINE = new Set(['le', 'un', 'mon', 'ton', 'son', 'ce', 'du', 'au', 'notre', 'cet']);

const VOWEL_OR_H = /^[aeiouyh]/;
/** "changer de prestataire" (a bare noun after "de") is choosing another one, not editing it. */
const CHANGE = /^chang(e|er|es|ez|eons|erai|erais|erait|ea)$/;
const DETERMINERS = new Set([
  'la',
  'l',
  'le',
  'les',
  'mon',
  'ma',
  'mes',
  'ton',
  'ta',
  'son',
  'sa',
  'ses',
  'votre',
  'vos',
  'notre',
  'nos',
  'ce',
  'cet',
  'cette',
  'ces',
  'un',
  'une',
]);
const DIGIT = /^\d/;

/**
 * Reads French chat spellings in accent-free, lower-case tokens; every other token is kept as it is.
 * Single letters are read only where they stand for a word: "c" for c'est before something that
 * is not "est" (and not after "bâtiment"), "g" for j'ai before a word (not after a number: "500 g").
 */
export function readFrenchChat(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = out[out.length - 1];
    const next = tokens[i + 1];
    const phrase = PHRASES.find(([words]) => words.every((w, k) => tokens[i + k] === w));
    if (phrase) {
      out.push(phrase[1]);
      i += phrase[0].length - 1;
      continue;
    }
    const afterDe = tokens[i + 2];
    if (
      CHANGE.test(token) &&
      (next === 'de' || next === 'd') &&
      afterDe !== undefined &&
      !DETERMINERS.has(afterDe)
    ) {
      out.push('choisir', 'autre');
      i++;
      continue;
    }
    const letterNamed = previous !== undefined && LETTER_NAMERS.has(previous);
    if (token === 'c') {
      if (letterNamed || (next !== undefined && AFTER_ELIDED_C.has(next))) out.push('c');
      else out.push('c', 'est');
      continue;
    }
    if (token === 'g') {
      const named = letterNamed || (previous !== undefined && DIGIT.test(previous));
      if (!named && next !== undefined && !DIGIT.test(next)) out.push('j', 'ai');
      else out.push('g');
      continue;
    }
    if (token === 'j' && next !== undefined && !VOWEL_OR_H.test(next) && !DIGIT.test(next)) {
      // "j'peux", "j veux": the elided "je" before a consonant.
      out.push('je');
      continue;
    }
    if (token === 'cb') {
      const combien =
        (next !== undefined && COMBIEN_NEXT.has(next)) || previous === 'est' || previous === 'c';
      out.push(...(combien ? ['combien'] : ['carte', 'bancaire']));
      continue;
    }
    if (token === 'presta' || token === 'prestas') {
      const provider = previous !== undefined && MASCULINE.has(previous);
      out.push(provider ? 'prestataire' : token === 'presta' ? 'prestation' : 'prestations');
      continue;
    }
    // Own keys only: a customer's "constructor" or "__proto__" is a word, not Object.prototype's.
    const spelled = Object.hasOwn(SPELLINGS, token) ? SPELLINGS[token] : undefined;
    if (spelled !== undefined) {
      out.push(...spelled.split(' '));
      continue;
    }
    // "jpeux", "jveux", "jcrois": a glued "je" before a consonant (no French word starts so).
    const glued = /^j([bcdfgklmnpqrstvwxz][a-z]*[aeiouy][a-z]*)$/.exec(token);
    if (glued) {
      out.push('je', glued[1]!);
      continue;
    }
    out.push(token);
  }
  return out;
}
