import type { Activity } from 'botbuilder';
import { formatPromisedReply } from '../../../handoff';
import { signIdentity } from '../../../bot/security/identity';
import type { Faq } from '../../../knowledge-base/index';
import { startBot } from '../bot/harness';
import { buildTestFaq } from '../../support/test-faq';
import { SECRET } from '../../support/test-settings';

/** Tuesday 7 January 2025, 12:00 in Paris. */
const PROMISED = Date.UTC(2025, 0, 7, 11, 0);

describe('the ticket promise says how the answer will come', () => {
  it('promises an e-mail only when there is an address to send it to', () => {
    expect(formatPromisedReply(PROMISED, 'fr')).toBe(
      'Nos conseillers sont absents pour le moment. Votre demande est enregistrée : nous vous répondrons par e-mail au plus tard mardi 7 janvier à 12:00.',
    );
    expect(formatPromisedReply(PROMISED, 'fr', { by: 'chat' })).toBe(
      'Nos conseillers sont absents pour le moment. Votre demande est enregistrée : nous vous répondrons ici, dans cette conversation, au plus tard mardi 7 janvier à 12:00.',
    );
    expect(formatPromisedReply(PROMISED, 'en', { by: 'chat' })).toContain(
      'we will answer here, in this conversation, by Tuesday 7 January at 12:00 at the latest.',
    );
    expect(formatPromisedReply(PROMISED, 'en', { by: 'chat', timeZone: 'UTC' })).toContain('at 11:00');
    expect(formatPromisedReply(PROMISED, 'fr', { by: 'asking' })).toBe(
      'Nos conseillers sont absents pour le moment. Votre demande est enregistrée : nous vous répondrons au plus tard mardi 7 janvier à 12:00.',
    );
  });

  describe('in a bot turn that opens a ticket', () => {
    let faq: Faq;
    beforeAll(() => {
      faq = buildTestFaq();
    });

    const askForAPerson = async (locale: string, channelData?: unknown): Promise<string> => {
      const { adapter, handoff } = startBot(faq, { locale, ...(channelData ? { channelData } : {}) });
      jest
        .spyOn(handoff, 'requestHandoff')
        .mockResolvedValue({ status: 'ticket', promisedReplyAt: PROMISED });
      let said = '';
      await adapter
        .send(locale === 'en' ? 'I want to talk to a person please' : 'je veux parler à un conseiller')
        .assertReply((a: Partial<Activity>) => {
          said = a.text ?? '';
        });
      return said;
    };

    it('asks an anonymous customer for an address rather than promise this chat, which may close', async () => {
      const fr = await askForAPerson('fr');
      expect(fr).toContain(
        'nous vous répondrons au plus tard mardi 7 janvier à 12:00. Pour recevoir la réponse par e-mail, écrivez-moi votre adresse',
      );
      expect(fr).not.toContain('ici, dans cette conversation');
      const en = await askForAPerson('en');
      expect(en).toContain(
        'we will answer by Tuesday 7 January at 12:00 at the latest. To get the answer by e-mail, write me your address',
      );
      expect(en).not.toContain('here, in this conversation');
    });

    it('promises an e-mail to a customer whose address is on file', async () => {
      const customer = signIdentity(
        { id: 'C-9', email: 'martin@example.com', vip: false, b2b: false },
        SECRET,
      );
      const said = await askForAPerson('fr', { relaisCustomer: customer });
      expect(said).toContain('nous vous répondrons par e-mail au plus tard mardi 7 janvier');
    });
  });
});
