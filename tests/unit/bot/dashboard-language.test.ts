import { dashboardLanguage } from '../../../bot/reports/dashboard-language';

describe('dashboard language', () => {
  test('?lang wins, then Accept-Language by weight, else French', () => {
    expect(dashboardLanguage('en', 'fr-FR,fr;q=0.9')).toBe('en');
    expect(dashboardLanguage('fr', 'en-GB')).toBe('fr');
    expect(dashboardLanguage(undefined, 'en-GB,en;q=0.9,fr;q=0.8')).toBe('en');
    expect(dashboardLanguage(undefined, 'de-DE,fr;q=0.5,en;q=0.7')).toBe('en');
    expect(dashboardLanguage(undefined, 'de-DE,en;q=0.5,fr;q=0.5')).toBe('en');
    expect(dashboardLanguage(undefined, 'en;q=0,fr;q=0.1')).toBe('fr');
    expect(dashboardLanguage(undefined, undefined)).toBe('fr');
  });

  test('an unsupported or malformed value falls back instead of failing', () => {
    expect(dashboardLanguage('de', 'en-US')).toBe('en');
    expect(dashboardLanguage(['en', 'fr'], '*')).toBe('fr');
    expect(dashboardLanguage('', ';;;,q=abc, ,')).toBe('fr');
  });
});
