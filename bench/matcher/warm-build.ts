import { createHash } from 'node:crypto';
import { buildKnowledgeBase, Faq, openEncoderVectors } from '../../knowledge-base';
import { sharedDataFile } from '../support/shared-data';
import { loadClinc } from './clinc';

/**
 * CLINC150 full + encoder built from a warm vector cache, `--runs N` times in a row (each with a
 * fresh encoder, as a restart would): the build seconds of each, and a digest of the decisions on
 * the test queries' lexical path (`--decisions`) so two builds can be compared exactly.
 * `--no-learned`: the learned scorer, calibration and gate learned again (vectors still from the cache).
 * Usage: ENCODER_CACHE_DIR=<dir> node dist/bench/matcher/warm-build.js [--runs 2] [--decisions] [--no-learned]
 */
async function main(): Promise<void> {
  const cacheDir = process.env.ENCODER_CACHE_DIR;
  if (!cacheDir) throw new Error('set ENCODER_CACHE_DIR to a folder holding the CLINC150 vectors');
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 2;
  const clinc = loadClinc(sharedDataFile('bench/data/clinc150/data_full.json'));
  for (let run = 1; run <= runs; run++) {
    const encoder = await openEncoderVectors({ mode: 'on', pass: 'cascade', cacheDir, buildWorkers: 1 });
    try {
      const kb = buildKnowledgeBase([{ file: 'warm.json', text: clinc.kbText(100) }]);
      const relearn = process.argv.includes('--no-learned');
      const vectors =
        encoder.vectors && (relearn ? { ...encoder.vectors, learned: undefined } : encoder.vectors);
      const started = performance.now();
      const faq = await Faq.create(kb, {
        calibration: { en: clinc.calibration },
        ...(vectors ? { vectors } : {}),
      });
      const seconds = (performance.now() - started) / 1000;
      let digest = '';
      if (process.argv.includes('--decisions')) {
        const hash = createHash('sha256');
        for (const q of clinc.queries.slice(0, 1500)) {
          const d = await faq.match(q.text);
          hash.update(`${d.decision}|${'entry' in d && d.entry ? d.entry.id : ''}|${d.confidence}\n`);
        }
        digest = ` decisions ${hash.digest('hex').slice(0, 16)}`;
      }
      process.stdout.write(
        `run ${run}: build ${seconds.toFixed(2)} s (${encoder.stats()?.textsEmbedded ?? 0} texts embedded)${digest}\n`,
      );
    } finally {
      await encoder.close();
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
