import type { Locale } from '../../knowledge-base/index';
import type { ClosedNow } from '../requests/closed-now';

const time = (closed: ClosedNow, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: closed.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(closed.opensAt));

const date = (closed: ClosedNow, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: closed.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(closed.opensAt));

/** "Le service Client est fermé en ce moment ; il ouvre demain à 08:00." (company time zone). */
export function closedNowSentence(locale: Locale, closed: ClosedNow): string {
  if (locale === 'en') {
    const day =
      closed.day === 'today'
        ? 'today'
        : closed.day === 'tomorrow'
          ? 'tomorrow'
          : `on ${date(closed, 'en-GB')}`;
    return `Customer Service is closed right now; it opens ${day} at ${time(closed, 'en-GB')}.`;
  }
  const day =
    closed.day === 'today' ? 'aujourd’hui' : closed.day === 'tomorrow' ? 'demain' : date(closed, 'fr-FR');
  return `Le service Client est fermé en ce moment ; il ouvre ${day} à ${time(closed, 'fr-FR')}.`;
}
