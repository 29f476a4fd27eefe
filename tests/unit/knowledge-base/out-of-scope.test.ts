import { buildKnowledgeBase, Faq, formatIssue, KbError } from '../../../knowledge-base';
import { applyKbEdit } from '../../../knowledge-base/kb-edit';

const ENTRIES = `
entries:
  - id: refund-delay
    question: When will I get my refund?
    alternates: [my refund has not arrived, refund still not received, how long does a refund take]
    answer: Within 5 working days.
  - id: password-reset
    question: I forgot my password
    alternates: [reset my password, cannot log in to my account, lost password]
    answer: Use "Forgot password" on the login page.
  - id: vip
    question: How much is the VIP subscription?
    alternates: [vip price, what does vip cost, vip per month]
    answer: 15 € a month.
`;
const OUT_OF_SCOPE = `outOfScope:
  - my airline has not refunded my plane ticket
  - the train company refund for my cancelled train
  - i forgot the password of my email box
  - cannot log in to my bank account online
`;
const kbText = (withExamples: boolean) =>
  `version: 1\nlocale: en\n${withExamples ? OUT_OF_SCOPE : ''}${ENTRIES}`;

describe('out-of-scope examples in a KB file', () => {
  it('are counted, and an empty one is refused with its path and line', async () => {
    const kb = buildKnowledgeBase([{ file: 'kb.yaml', text: kbText(true) }]);
    expect(kb.files[0]?.outOfScope).toBe(4);
    expect(kb.outOfScope.en).toHaveLength(4);
    let error: unknown;
    try {
      buildKnowledgeBase([
        { file: 'bad.yaml', text: kbText(true).replace('i forgot the password of my email box', '" "') },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KbError);
    expect((error as KbError).issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^bad\.yaml:6: outOfScope\[2\]: out-of-scope example must not be empty/),
    ]);
  });

  it('hand a message like them to a person, where the same KB without them answers it', async () => {
    const message = 'the airline refund for my plane ticket has not arrived';
    const without = Faq.build(buildKnowledgeBase([{ file: 'kb.yaml', text: kbText(false) }]));
    const withExamples = Faq.build(buildKnowledgeBase([{ file: 'kb.yaml', text: kbText(true) }]));
    expect((await without.match(message)).decision).not.toBe('escalate');
    const d = await withExamples.match(message);
    expect(d.decision).toBe('escalate');
    expect(d.explanation).toContain('out-of-scope examples');
    expect(d.candidates[0]?.id).toBe('refund-delay');
    expect(withExamples.info[0]).toMatchObject({ entries: 3, outOfScopeExamples: 4 });
  });

  it('leave the questions the KB answers alone', async () => {
    const faq = Faq.build(buildKnowledgeBase([{ file: 'kb.yaml', text: kbText(true) }]));
    for (const [message, id] of [
      ['my refund has still not arrived', 'refund-delay'],
      ['i lost my password', 'password-reset'],
      ['how much does vip cost', 'vip'],
    ] as const) {
      const d = await faq.match(message);
      expect(d.decision === 'answer' ? d.entry.id : d.decision).toBe(id);
    }
  });

  it('survive an edit of the file by the KB editor', async () => {
    const r = applyKbEdit('kb.yaml', kbText(true), {
      kind: 'new-phrasings',
      locale: 'en',
      entryId: 'vip',
      phrasings: ['is vip worth it'],
    });
    if (!r.ok) throw new Error(r.message);
    expect(r.text).toContain(OUT_OF_SCOPE);
    expect(buildKnowledgeBase([{ file: 'kb.yaml', text: r.text }]).outOfScope.en).toHaveLength(4);
  });
});
