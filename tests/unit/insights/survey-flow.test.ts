import {
  answerSurvey,
  parseSurveyState,
  planSurvey,
  startSurvey,
  surveyText,
  type SurveyTurn,
} from '../../../insights';

/** Drives the survey with the customer's messages; returns every turn. */
function run(first: SurveyTurn, ...messages: string[]): SurveyTurn[] {
  const turns: SurveyTurn[] = [first];
  let current = first;
  for (const text of messages) {
    if (current.kind !== 'ask') throw new Error(`survey already ${current.kind}`);
    current = answerSurvey(current.state, text, 'fr');
    turns.push(current);
  }
  return turns;
}

describe('survey flow', () => {
  it('asks the seed questions in order after an agent: CES, did we answer, CSAT, comment', () => {
    const start = startSurvey('escalated', 'fr');
    expect(start.prompt).toEqual({
      step: 'ces',
      text: "À quel point était-ce facile d'obtenir une résolution à votre problème ?",
      choices: [
        '1 Très facile',
        '2 Facile',
        '3 Ni facile ni compliqué',
        '4 Un peu compliqué',
        '5 Très compliqué',
        'Passer',
      ],
    });
    const turns = run(start, '2', 'oui', '5', 'Merci à Anna, très efficace');
    expect(turns.map((t) => (t.kind === 'ask' ? t.prompt.text : t.kind))).toEqual([
      "À quel point était-ce facile d'obtenir une résolution à votre problème ?",
      'Avons-nous répondu à votre question ?',
      'Êtes-vous satisfait du service Client ?',
      surveyText('fr').commentPrompt,
      'done',
    ]);
    expect(turns.at(-1)).toEqual({
      kind: 'done',
      answers: { ces: 2, answered: true, csat: 5, comment: 'Merci à Anna, très efficace' },
      thanks: surveyText('fr').thanks,
    });
  });

  it('skips "did we answer" when the customer just said the answer helped, and CSAT after the bot alone', () => {
    expect(planSurvey('bot-only', { customerConfirmedAnswer: true })).toEqual(['ces', 'comment']);
    expect(planSurvey('clarified')).toEqual(['ces', 'answered', 'comment']);
    expect(planSurvey('ticket')).toEqual(['ces', 'answered', 'csat', 'comment']);
    expect(planSurvey('escalated', { askCsat: false, askComment: false })).toEqual(['ces', 'answered']);
  });

  it('speaks English in English conversations', () => {
    const start = startSurvey('bot-only', 'en', { customerConfirmedAnswer: true });
    expect(start.prompt.text).toBe('How easy was it to get your problem resolved?');
    const done = answerSurvey(start.state, 'very easy', 'en');
    expect(done.kind === 'ask' && done.prompt.text).toBe(surveyText('en').commentPrompt);
  });

  it('ends on a skip word, keeping what was answered', () => {
    const turns = run(startSurvey('escalated', 'fr'), 'très compliqué', 'passer');
    expect(turns.at(-1)).toEqual({ kind: 'done', answers: { ces: 5 }, thanks: surveyText('fr').thanks });
  });

  it('drops the survey on a new question so the bot answers it', () => {
    const turns = run(startSurvey('bot-only', 'fr'), '3', 'Comment annuler une réservation ?');
    expect(turns.at(-1)).toEqual({ kind: 'dropped', answers: { ces: 3 } });
  });

  it('re-asks once after an off-scale number, then drops', () => {
    const turns = run(startSurvey('bot-only', 'fr'), '7');
    const retry = turns.at(-1);
    expect(retry?.kind === 'ask' && retry.prompt).toMatchObject({
      step: 'ces',
      text: surveyText('fr').cesRetry,
    });
    expect(run(retry as SurveyTurn, '8').at(-1)).toEqual({ kind: 'dropped', answers: {} });
    expect(run(retry as SurveyTurn, '4').at(-1)).toMatchObject({
      kind: 'ask',
      state: { answers: { ces: 4 } },
    });
  });

  it('keeps its state as plain JSON for the bot’s conversation state', () => {
    const start = startSurvey('escalated', 'fr');
    const restored = parseSurveyState(JSON.parse(JSON.stringify(start.state)));
    expect(restored).toEqual(start.state);
    expect(restored && answerSurvey(restored, '1', 'fr')).toEqual(answerSurvey(start.state, '1', 'fr'));
    expect(parseSurveyState({ ...start.state, answers: { ces: 9 } })).toBeUndefined();
    expect(parseSurveyState('survey')).toBeUndefined();
  });

  it('re-asks the satisfaction question with its own scale, and skips in English', () => {
    const csatStep = run(startSurvey('ticket', 'fr', { customerConfirmedAnswer: true }), '2', '9').at(-1);
    expect(csatStep?.kind === 'ask' && csatStep.prompt).toMatchObject({
      step: 'csat',
      text: surveyText('fr').csatRetry,
    });
    const skipped = answerSurvey(startSurvey('escalated', 'en').state, 'no thanks', 'en');
    expect(skipped).toEqual({ kind: 'done', answers: {}, thanks: surveyText('en').thanks });
  });
});
