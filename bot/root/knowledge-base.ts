import { openEncoderVectors, type EncoderVectors } from '../../knowledge-base/index';
import type { Config } from '../config';
import { encoderLog } from '../encoder-log';
import { KbReloader } from '../kb-admin/kb-reloader';
import type { Log } from '../log';

/**
 * The configured KB files behind a reloader (POST /api/kb/reload and SIGHUP swap what its holder
 * serves). The encoder loads first — lexical-only, with the reason, when it cannot — and its KB
 * vectors are cached on disk.
 */
export async function openKnowledgeBase(
  config: Config,
  log: Log,
): Promise<{ reloader: KbReloader; encoder: EncoderVectors }> {
  const encoder = await openEncoderVectors({
    mode: config.encoder.mode,
    pass: config.encoder.pass,
    ...(config.encoder.cacheDir ? { cacheDir: config.encoder.cacheDir } : {}),
    log: encoderLog(log),
  });
  const reloader = await KbReloader.start(
    config.kbFiles,
    {
      defaultLocale: config.defaultLocale,
      policy: config.answerPolicy,
      ...(encoder.vectors ? { vectors: encoder.vectors, onProgress: embeddingProgress(log) } : {}),
    },
    () => encoder.status,
  );
  return { reloader, encoder };
}

/** A line every 10 s while the KB's vectors are made (a cold cache takes about a minute), and one when done. */
function embeddingProgress(log: Log): (locale: string, done: number, total: number) => void {
  let last = 0;
  return (locale, done, total) => {
    if (done !== total && performance.now() - last < 10_000) return;
    last = performance.now();
    log.info(`sentence vectors of the ${locale} knowledge base: ${done}/${total}`, { locale, done, total });
  };
}
