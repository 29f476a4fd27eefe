import {
  missedQuestionsOf,
  parseSurveyAnswer,
  suggestKbImprovements,
  type MissedQuestion,
  type NearestEntryFinder,
} from '../../../insights';

const fr = (text: string): MissedQuestion => ({ text, locale: 'fr' });
const en = (text: string): MissedQuestion => ({ text, locale: 'en' });

/** Missed questions of a week at Mon aide à l'heure (decrochages #4 and #5 of seed 000, and noise). */
const QUESTIONS: readonly MissedQuestion[] = [
  fr('Puis-je réserver le même prestataire ?'),
  fr('Comment modifier mon adresse ?'),
  fr('puis je reserver le meme prestataire'),
  en('Can I book the same provider again?'),
  fr('Réserver à nouveau le même prestataire'),
  fr("Modifier l'adresse de mon domicile"),
  en('Book the same provider again please'),
  fr('Quel temps fait-il ?'),
  fr('Modifier mon adresse'),
  fr('?!'),
];

describe('suggestKbImprovements', () => {
  it('clusters the fixed set into suggestions with counts, examples and shared terms, biggest first', async () => {
    const suggestions = await suggestKbImprovements(QUESTIONS);
    expect(
      suggestions.map((s) => ({
        kind: s.kind,
        count: s.count,
        examples: s.examples,
        languages: s.languages,
      })),
    ).toEqual([
      {
        kind: 'new-entry',
        count: 3,
        examples: [
          'Puis-je réserver le même prestataire ?',
          'puis je reserver le meme prestataire',
          'Réserver à nouveau le même prestataire',
        ],
        languages: ['fr'],
      },
      {
        kind: 'new-entry',
        count: 3,
        examples: [
          'Comment modifier mon adresse ?',
          "Modifier l'adresse de mon domicile",
          'Modifier mon adresse',
        ],
        languages: ['fr'],
      },
      {
        kind: 'new-entry',
        count: 2,
        examples: ['Can I book the same provider again?', 'Book the same provider again please'],
        languages: ['en'],
      },
    ]);
    expect(suggestions[0]?.terms).toEqual(expect.arrayContaining(['prestatair', 'reserv']));
    expect(suggestions[2]?.terms).toEqual(expect.arrayContaining(['book', 'provider']));
  });

  it('is deterministic and keeps singletons out unless asked', async () => {
    expect(await suggestKbImprovements(QUESTIONS)).toEqual(await suggestKbImprovements(QUESTIONS));
    const all = await suggestKbImprovements(QUESTIONS, { minCount: 1 });
    expect(all.map((s) => s.count)).toEqual([3, 3, 2, 1]);
    expect(all[3]?.examples).toEqual(['Quel temps fait-il ?']);
  });

  it('turns a cluster into new phrasings of the entry its questions point at', async () => {
    const nearest: NearestEntryFinder = (question) =>
      /adress/i.test(question)
        ? { entryId: 'adresse-domicile', score: question.includes('Modifier') ? 0.4 : 0.3 }
        : undefined;
    const suggestions = await suggestKbImprovements(QUESTIONS, { nearestEntry: nearest });
    expect(suggestions.map((s) => [s.kind, s.entryId])).toEqual([
      ['new-entry', undefined],
      ['new-phrasing', 'adresse-domicile'],
      ['new-entry', undefined],
    ]);
    expect(suggestions[1]?.entryScore).toBeCloseTo((0.3 + 0.4 + 0.4) / 3);
    const strict = await suggestKbImprovements(QUESTIONS, { nearestEntry: nearest, minEntryScore: 0.5 });
    expect(strict.every((s) => s.kind === 'new-entry')).toBe(true);
  });

  it('reads the missed questions stored with the surveys in their conversation language', async () => {
    const parsed = parseSurveyAnswer({
      context: {
        conversationId: 'c1',
        path: 'escalated',
        language: 'en',
        channel: 'webchat',
        missedQuestions: ['Can I book the same provider again?'],
        startedAt: 0,
        closedAt: 1,
      },
      recordedAt: 1,
    });
    if (!parsed.ok) throw new Error('fixture');
    expect(missedQuestionsOf([parsed.survey])).toEqual([
      { text: 'Can I book the same provider again?', locale: 'en' },
    ]);
  });
});
