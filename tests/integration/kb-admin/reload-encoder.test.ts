import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KbReloader, type KbLoadReport } from '../../../bot/kb-admin/kb-reloader';
import { KbBuildThreadError } from '../../../bot/kb-admin/kb-build-thread';
import {
  openEncoderVectors,
  type EncoderVectors,
  type Faq,
  type VectorSource,
} from '../../../knowledge-base/index';
import { SHARED_ENCODER_CACHE_DIR } from '../../support/encoder-cache';
import { KB_FR } from './kb-admin-app';

// The build thread is dist/bot/kb-admin/kb-build-worker.js: `npm test` builds first.
const DEMO = resolve(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
const FIXTURES = resolve(__dirname, '..', '..', 'fixtures');
const OLD_ANSWER = 'Carte bancaire, virement et CESU.';
const NEW_ANSWER = 'Carte bancaire uniquement depuis le 1er mars.';

let encoder: EncoderVectors;
let dir: string;

beforeAll(async () => {
  encoder = await openEncoderVectors({ mode: 'on', cacheDir: SHARED_ENCODER_CACHE_DIR });
}, 120_000);
afterAll(() => encoder.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relais-reload-encoder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const start = (files: string[], vectors: VectorSource = encoder.vectors!) =>
  KbReloader.start(files, { vectors }, () => encoder.status);

/** The encoder's source, whose next vectors can be held back or refused. */
function steerable() {
  let gate: Promise<void> = Promise.resolve();
  let failure: string | undefined;
  let release = (): void => undefined;
  const source: VectorSource = {
    ...encoder.vectors!,
    vectorsFor: async (locale, texts, onProgress) => {
      await gate;
      if (failure) throw new Error(failure);
      return encoder.vectors!.vectorsFor(locale, texts, onProgress);
    },
  };
  return {
    source,
    hold: (): void => {
      gate = new Promise<void>((r) => (release = r));
    },
    release: () => release(),
    fail: (reason: string): void => {
      failure = reason;
    },
  };
}

function queries(locale: 'fr' | 'en'): string[] {
  const lines = readFileSync(join(FIXTURES, `demo-${locale}-queries.jsonl`), 'utf8')
    .trim()
    .split('\n');
  return lines.map((l) => (JSON.parse(l) as { text: string }).text);
}

/** What a turn would be told: the decision, the entry and the confidence (rounded off float noise). */
async function decisions(faq: Faq, locale: 'fr' | 'en'): Promise<string[]> {
  const out: string[] = [];
  for (const text of queries(locale)) {
    const d = await faq.match(text, { locale });
    const id = d.decision === 'answer' ? d.entry.id : (d.candidates[0]?.id ?? '-');
    out.push(`${d.decision} ${id} ${d.confidence.toFixed(4)}`);
  }
  return out;
}

/** The report without what differs from one build to the next (generation, build time). */
const sameParts = ({ generation: _g, buildMs: _b, ...rest }: KbLoadReport) => rest;

function writeKbFr(): string {
  const file = join(dir, 'fr.yaml');
  writeFileSync(file, KB_FR);
  return file;
}

const answerOf = async (faq: Faq) => {
  const d = await faq.match('comment payer ma commande', { locale: 'fr' });
  return d.decision === 'answer' ? d.entry.answer : d.decision;
};

describe('encoder-on reload (the build thread builds from vectors the bot’s encoder made)', () => {
  test('the demo KB reloaded answers as the same KB loaded on the bot’s thread, with the same report', async () => {
    const files = ['fr', 'en'].map((l) => join(dir, `${l}.yaml`));
    ['fr', 'en'].forEach((l, i) => copyFileSync(join(DEMO, `${l}.yaml`), files[i]!));
    ['fr', 'en'].forEach((l) =>
      copyFileSync(join(DEMO, `${l}.calibration.jsonl`), join(dir, `${l}.calibration.jsonl`)),
    );
    const reloader = await start(files);
    const here = reloader.holder.current;
    const before = reloader.status();
    expect(before.vectors.fr?.reads).toContain('use-lite-en@0.2.0');
    const outcome = await reloader.reload();
    expect(outcome.ok).toBe(true);
    const thread = reloader.holder.current;
    expect(thread).not.toBe(here);
    expect(sameParts(reloader.status())).toEqual(sameParts(before));
    for (const locale of ['fr', 'en'] as const)
      expect(await decisions(thread, locale)).toEqual(await decisions(here, locale));
  }, 300_000);

  test('turns during the reload answer from the old KB, turns after from the new one', async () => {
    const file = writeKbFr();
    const vectors = steerable();
    const reloader = await start([file], vectors.source);
    // The vectors are held until a few turns have been answered: the reload is then surely under way.
    vectors.hold();
    writeFileSync(file, KB_FR.replace(OLD_ANSWER, NEW_ANSWER));
    let done = false;
    const reloaded = reloader.reload().finally(() => {
      done = true;
    });
    const during: string[] = [];
    while (!done) {
      if (during.length === 5) vectors.release();
      const answer = await answerOf(reloader.holder.current);
      if (!done) during.push(answer);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await reloaded).ok).toBe(true);
    expect(during.length).toBeGreaterThan(5);
    expect(new Set(during)).toEqual(new Set([OLD_ANSWER]));
    expect(await answerOf(reloader.holder.current)).toBe(NEW_ANSWER);
    expect(reloader.status().vectors.fr?.reads).toContain('use-lite-en@0.2.0');
  }, 120_000);

  test('a crashed build thread keeps the old KB, and the next reload works', async () => {
    const file = writeKbFr();
    const reloader = await start([file]);
    writeFileSync(file, KB_FR.replace(OLD_ANSWER, NEW_ANSWER));
    reloader.crashNextBuild = true;
    await expect(reloader.reload()).rejects.toThrow(KbBuildThreadError);
    expect(reloader.holder.generation).toBe(1);
    expect(await answerOf(reloader.holder.current)).toBe(OLD_ANSWER);
    expect((await reloader.reload()).ok).toBe(true);
    expect(await answerOf(reloader.holder.current)).toBe(NEW_ANSWER);
  }, 120_000);

  test('a language whose vectors fail is built lexical only, with the reason in the report', async () => {
    const file = writeKbFr();
    const vectors = steerable();
    const reloader = await start([file], vectors.source);
    vectors.fail('encoder worker gone');
    const outcome = await reloader.reload();
    expect(outcome.ok && outcome.report.vectors.fr).toEqual({
      reads: 'lexical only',
      fallbackReason: 'encoder worker gone',
    });
    expect(await answerOf(reloader.holder.current)).toBe(OLD_ANSWER);
  }, 120_000);
});
