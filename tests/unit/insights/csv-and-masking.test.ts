import { csvCell, maskPersonalData, parseSurveyAnswer, surveysToCsv } from '../../../insights';

describe('maskPersonalData', () => {
  it('masks e-mail addresses and French and international phone numbers', () => {
    expect(maskPersonalData('écrivez à jean.dupont@example.fr svp')).toBe('écrivez à j***@e***.fr svp');
    expect(maskPersonalData('mon 06 12 34 56 78')).toBe('mon ** ** ** ** 78');
    expect(maskPersonalData('tel: 0612345678.')).toBe('tel: ********78.');
    expect(maskPersonalData('+33 6 12 34 56 78')).toBe('+** * ** ** ** 78');
    expect(maskPersonalData('06.12.34.56.78 ou 06-12-34-56-78')).toBe('**.**.**.**.78 ou **-**-**-**-78');
  });

  it('leaves dates, times, prices and short numbers alone', () => {
    const text = 'Le 06/01/2025 à 14h30, 2 heures pour 25,50 €, commande 12345';
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('csvCell', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvCell('simple')).toBe('simple');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell(' espace')).toBe('" espace"');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('surveysToCsv', () => {
  const parsed = parseSurveyAnswer({
    context: {
      conversationId: 'c1',
      customerId: 'marie@example.com',
      path: 'escalated',
      language: 'fr',
      channel: 'webchat',
      kbEntryIds: ['horaires', 'reservation'],
      agentId: 'anna',
      waitMs: 42000,
      escalationReason: 'asked-for-person',
      startedAt: Date.UTC(2025, 0, 6, 9, 0, 0),
      closedAt: Date.UTC(2025, 0, 6, 9, 10, 0),
    },
    ces: 2,
    answered: false,
    csat: 4,
    comment: 'Rappelez-moi au 06 12 34 56 78, merci\n"urgent"',
    recordedAt: Date.UTC(2025, 0, 6, 9, 10, 0),
  });
  if (!parsed.ok) throw new Error('fixture');

  it('writes a header and one masked, quoted row per survey', () => {
    expect(surveysToCsv([parsed.survey])).toBe(
      'conversation_id,customer_id,closed_at,path,outcome,language,channel,agent_id,wait_ms,kb_entries,escalation_reason,ces,answered,csat,nps,comment\r\n' +
        'c1,m***@e***.com,2025-01-06T09:10:00.000Z,escalated,resolved,fr,webchat,anna,42000,horaires reservation,asked-for-person,2,no,4,,"Rappelez-moi au ** ** ** ** 78, merci\n""urgent"""\r\n',
    );
  });

  it('masks nothing when asked, and uses the chosen separator', () => {
    const csv = surveysToCsv([parsed.survey], { mask: false, separator: ';' });
    expect(csv).toContain(';marie@example.com;');
    expect(csv).toContain('"Rappelez-moi au 06 12 34 56 78, merci\n""urgent"""');
    expect(csv.split('\r\n')[0]?.split(';')).toHaveLength(16);
  });
});
