import { parseCesReply, parseCommentReply, parseCsatReply, parseYesNoReply } from '../../../insights';

const value = (v: unknown) => ({ ok: true, kind: 'answer', value: v });
const SKIP = { ok: true, kind: 'skip' };
const NOT = { ok: false, reason: 'not-an-answer' };

describe('parseCesReply', () => {
  it.each([
    ['2', 2],
    ['2/5', 2],
    ['2 / 5', 2],
    ['4 sur 5', 4],
    ['1 out of 5', 1],
    [' 3. ', 3],
    ['deux', 2],
    ['Cinq', 5],
    ['three', 3],
    ['un', 1],
    ['je dirais 2', 2],
    ['2 Facile', 2],
    ['1 - Très facile', 1],
  ])('reads the number in %j', (text, points) => {
    expect(parseCesReply(text)).toEqual(value(points));
  });

  it.each([
    ['Très facile', 1],
    ['tres facile', 1],
    ['TRES FACILE !', 1],
    ['trés facil', 1],
    ['Facile', 2],
    ['facile merci', 2],
    ['plutôt facile', 2],
    ['Ni facile ni compliqué', 3],
    ['ni facile, ni compliqué', 3],
    ['ni facile ni complique', 3],
    ['Un peu compliqué', 4],
    ['un peu compliquer', 4],
    ['un peu complqué', 4],
    ['Très compliqué', 5],
    ['tres compliqe', 5],
    ["c'était très compliqué", 5],
    ['very easy', 1],
    ['Very easy!', 1],
    ['easy', 2],
    ['eazy', 2],
    ['neither', 3],
    ['neither easy nor difficult', 3],
    ['somewhat difficult', 4],
    ['somewhat dificult', 4],
    ['a bit difficult', 4],
    ['very difficult', 5],
    ['it was very dificult', 5],
  ])('reads the label %j as %d', (text, points) => {
    expect(parseCesReply(text)).toEqual(value(points));
  });

  it.each([
    'passer',
    'Passer',
    'je passe',
    'skip',
    'Skip!',
    'non merci',
    'Non, merci',
    'no thanks',
    'plus tard',
  ])('takes %j as a skip', (text) => {
    expect(parseCesReply(text)).toEqual(SKIP);
  });

  it.each([
    'Comment réserver une prestation ?',
    'facile de réserver le même prestataire ?',
    'how do I book?',
    'je veux parler à un conseiller',
    '1 très compliqué',
    '',
    '???',
    'oui',
  ])('says %j is not an answer, so the bot treats it as a new question', (text) => {
    expect(parseCesReply(text)).toEqual(NOT);
  });

  it('tells an off-scale number apart from a question', () => {
    expect(parseCesReply('7')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCesReply('10/10')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCesReply('0')).toEqual({ ok: false, reason: 'out-of-range' });
  });
});

describe('parseYesNoReply', () => {
  it.each([
    'oui',
    'Oui !',
    'ouais',
    'ouai',
    'oui merci',
    'tout à fait',
    'yes',
    'Yes, thanks',
    'yeah',
    'yep',
    'ouiiii',
    'yes it did',
  ])('reads %j as yes', (text) => {
    expect(parseYesNoReply(text)).toEqual(value(true));
  });

  it.each([
    'non',
    'Non.',
    'nan',
    'pas vraiment',
    'non pas du tout',
    'no',
    'nope',
    'nah',
    'not really',
    "no it didn't",
  ])('reads %j as no', (text) => {
    expect(parseYesNoReply(text)).toEqual(value(false));
  });

  it('takes "non merci" and "passer" as skips, questions as not an answer', () => {
    expect(parseYesNoReply('non merci')).toEqual(SKIP);
    expect(parseYesNoReply('passer')).toEqual(SKIP);
    expect(parseYesNoReply('skip')).toEqual(SKIP);
    expect(parseYesNoReply('non mais comment annuler ma réservation ?')).toEqual(NOT);
    expect(parseYesNoReply('What are your opening hours?')).toEqual(NOT);
  });
});

describe('parseCsatReply', () => {
  it('reads numbers, labels and a bare oui/non on the 1…5 scale', () => {
    expect(parseCsatReply('5')).toEqual(value(5));
    expect(parseCsatReply('4/5')).toEqual(value(4));
    expect(parseCsatReply('Très satisfait')).toEqual(value(5));
    expect(parseCsatReply('satisfait')).toEqual(value(4));
    expect(parseCsatReply('pas du tout satisfait')).toEqual(value(1));
    expect(parseCsatReply('very satisfied')).toEqual(value(5));
    expect(parseCsatReply('oui')).toEqual(value(4));
    expect(parseCsatReply('non')).toEqual(value(2));
    expect(parseCsatReply('passer')).toEqual(SKIP);
    expect(parseCsatReply('6')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseCsatReply('où est mon remboursement ?')).toEqual(NOT);
  });
});

describe('parseCommentReply', () => {
  it('keeps any text as the comment, trimmed and bounded; skip words decline', () => {
    expect(parseCommentReply('  Le prestataire était en retard.  ')).toEqual(
      value('Le prestataire était en retard.'),
    );
    expect(parseCommentReply('rien à ajouter')).toEqual(SKIP);
    expect(parseCommentReply('No comment')).toEqual(SKIP);
    expect(parseCommentReply('   ')).toEqual(NOT);
    const long = parseCommentReply('x'.repeat(5000));
    expect(long.ok && long.kind === 'answer' && long.value.length).toBe(2000);
  });
});

describe('repeated letters', () => {
  it('reads a letter typed many times as one', () => {
    expect(parseYesNoReply('ouiiii')).toEqual(value(true));
    expect(parseYesNoReply('nooon')).toEqual(value(false));
    expect(parseCesReply('trèèès faciiile')).toEqual(value(1));
    expect(parseCesReply('dificile')).toEqual(value(4));
    expect(parseCesReply('11')).toEqual({ ok: false, reason: 'out-of-range' });
  });
});
