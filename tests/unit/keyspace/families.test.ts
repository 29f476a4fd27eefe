import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { familyMatcher, keyFamilies, type SlotKind } from '../../../keyspace/index';

/** The hash tag Redis Cluster hashes: the text between the first `{` and the next `}`. */
function hashTag(key: string): string {
  const open = key.indexOf('{');
  const close = key.indexOf('}', open + 1);
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key;
}

const EXPECTED_TAG: Record<SlotKind, RegExp> = {
  deployment: /^acme$/,
  insights: /^acme:insights$/,
  conversation: /^acme:c:.+$/,
  upload: /^acme:u:.+$/,
  'state item': /^acme:s:.+$/,
  bucket: /^acme:r:.+$/,
};

describe('the keyspace', () => {
  const families = keyFamilies('acme');

  test('every family hashes to the slot it claims', () => {
    for (const family of families)
      expect([family.pattern, hashTag(family.pattern)]).toEqual([
        family.pattern,
        expect.stringMatching(EXPECTED_TAG[family.slot]),
      ]);
  });

  test('two conversations land in different tags; one conversation keeps all its keys in one', () => {
    const [a, b] = ['conv-a', 'conv-b'].map((id) =>
      families
        .filter((f) => f.slot === 'conversation')
        .map((f) => hashTag(f.pattern.replace('<conversation>', id))),
    );
    expect(new Set(a).size).toBe(1);
    expect(new Set(b).size).toBe(1);
    expect(a![0]).not.toBe(b![0]);
  });

  test('patterns are unique and no key matches two families', () => {
    const patterns = families.map((f) => f.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    const examples = families.map((f) => f.pattern.replace(/<[^>]+>/g, 'x1'));
    for (const example of examples) {
      const matching = families.filter((f) => familyMatcher(f).test(example)).map((f) => f.pattern);
      expect([example, matching.length]).toEqual([example, 1]);
    }
  });

  test('an id holding braces cannot move its key to another slot', () => {
    const family = families.find((f) => f.pattern.endsWith(':agent:log'))!;
    expect(hashTag(family.pattern.replace('<conversation>', '}evil{acme'))).toMatch(/^acme:c:/);
  });

  test('docs/operations.md lists every family (prefix P)', () => {
    const docs = readFileSync(join(__dirname, '../../../docs/operations.md'), 'utf8');
    const missing = keyFamilies('P')
      .map((f) => f.pattern)
      .filter((pattern) => !docs.includes(`\`${pattern}\``));
    expect(missing).toEqual([]);
  });
});
