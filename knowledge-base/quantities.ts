// Numbers and durations written the many ways customers write them ("1h", "une heure", "60 min",
// "une demi-heure", "1h30", "half an hour") become one token per quantity, so they match each other.

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  quinze: 15,
  vingt: 20,
  trente: 30,
  quarante: 40,
  soixante: 60,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  sixty: 60,
  an: 1,
  a: 1,
};

const HOUR_UNITS = new Set(['h', 'heure', 'heures', 'hr', 'hrs', 'hour', 'hours', 'heur', 'hre', 'hres']);
const MINUTE_UNITS = new Set(['min', 'mins', 'minute', 'minutes', 'mn', 'mns', 'mnt', 'mnts']);

function numberValue(word: string): number | undefined {
  if (/^\d+([.,]\d+)?$/.test(word)) return Number(word.replace(',', '.'));
  return NUMBER_WORDS[word];
}

/** Rewrites durations in accent-free, lower-cased text to `dur<minutes>` tokens. */
export function normalizeQuantities(text: string): string {
  const out = text
    // "une demi-heure", "demi heure", "half an hour", "half hour" → 30 minutes
    .replace(/\b(?:une?\s+)?demi[\s-]*heures?\b/g, ' dur30 ')
    .replace(/\bhalf\s+(?:an\s+)?hours?\b/g, ' dur30 ')
    .replace(/\b(?:a\s+)?quarter\s+of\s+an\s+hour\b/g, ' dur15 ')
    .replace(/\bun\s+quart\s+d\s*heures?\b/g, ' dur15 ')
    // "1h30", "1 h 30", "2h00"
    .replace(
      /\b(\d{1,2})\s*h\s*(\d{2})\b/g,
      (_m, h: string, m: string) => ` dur${Number(h) * 60 + Number(m)} `,
    )
    // "1h et demie", "une heure et demie"
    .replace(/\b(\w+)\s*(?:h|heures?)\s+et\s+demie?\b/g, (m, n: string) => {
      const v = numberValue(n);
      return v === undefined ? m : ` dur${v * 60 + 30} `;
    });
  const tokens = out.split(/\s+/).filter(Boolean);
  const result: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const glued = /^(\d+(?:[.,]\d+)?)([a-z]+)$/.exec(token);
    if (glued) {
      const minutes = toMinutes(Number(glued[1]!.replace(',', '.')), glued[2]!);
      if (minutes !== undefined) {
        result.push(`dur${minutes}`);
        continue;
      }
    }
    const value = numberValue(token);
    const next = tokens[i + 1];
    if (value !== undefined && next !== undefined) {
      const minutes = toMinutes(value, next);
      if (minutes !== undefined) {
        result.push(`dur${minutes}`);
        i++;
        continue;
      }
    }
    result.push(token);
  }
  return result.join(' ');
}

function toMinutes(value: number, unit: string): number | undefined {
  if (HOUR_UNITS.has(unit)) return Math.round(value * 60);
  if (MINUTE_UNITS.has(unit)) return Math.round(value);
  return undefined;
}
