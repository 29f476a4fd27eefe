import type { EmailLinks } from '../../bot/privacy/email-links';

/** What both e-mail link stores do (the profile's link for anonymous visitors). */
export function emailLinksContract(name: string, make: () => Promise<EmailLinks>): void {
  describe(`EmailLinks contract: ${name}`, () => {
    let links: EmailLinks;
    beforeEach(async () => {
      links = await make();
    });

    it('links conversations to an address, case and spaces ignored, idempotently', async () => {
      await links.link('Jean.Dupont@example.com', 'c2');
      await links.link(' jean.dupont@EXAMPLE.com ', 'c1');
      await links.link('jean.dupont@example.com', 'c1');
      await links.link('paul@example.org', 'c3');
      expect(await links.conversationsOf('JEAN.DUPONT@example.com')).toEqual(['c1', 'c2']);
      expect(await links.conversationsOf('paul@example.org')).toEqual(['c3']);
      expect(await links.conversationsOf('nobody@example.org')).toEqual([]);
    });

    it('a conversation linked to another address moves to it', async () => {
      await links.link('first@example.com', 'c1');
      await links.link('second@example.com', 'c1');
      expect(await links.conversationsOf('first@example.com')).toEqual([]);
      expect(await links.conversationsOf('second@example.com')).toEqual(['c1']);
    });

    it('forgets a conversation by its id alone (erasure), and a second time is a no-op', async () => {
      await links.link('jean@example.com', 'c1');
      await links.link('jean@example.com', 'c2');
      await links.forgetConversation('c1');
      await links.forgetConversation('c1');
      await links.forgetConversation('never-linked');
      expect(await links.conversationsOf('jean@example.com')).toEqual(['c2']);
      await links.forgetConversation('c2');
      expect(await links.conversationsOf('jean@example.com')).toEqual([]);
    });
  });
}
