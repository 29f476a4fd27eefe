import { detectLanguage } from '../../../knowledge-base/language';
import { toLocale } from '../../../knowledge-base/locale';

describe('language detection', () => {
  it.each([
    ['Bonjour, comment je peux réserver une heure ?', 'fr'],
    ['jai pas recu ma facture', 'fr'],
    ['le prestataire est pas venu', 'fr'],
    ['How do I book a cleaner for tomorrow?', 'en'],
    ['my provider did not show up', 'en'],
    ['can u send me the invoice pls', 'en'],
  ])('reads "%s" as %s', (text, locale) => {
    expect(detectLanguage(text, locale === 'fr' ? 'en' : 'fr')).toEqual({ locale, confident: true });
  });

  it('keeps the hint when a message gives no clue', () => {
    expect(detectLanguage('ok', 'en')).toEqual({ locale: 'en', confident: false });
    expect(detectLanguage('VIP ?', 'fr')).toEqual({ locale: 'fr', confident: false });
  });

  it('maps channel locales to base languages', () => {
    expect(toLocale('fr-FR')).toBe('fr');
    expect(toLocale('en_GB')).toBe('en');
    expect(toLocale('de-DE')).toBeUndefined();
    expect(toLocale('')).toBeUndefined();
  });
});
