/**
 * The build thread's side of an encoder-on reload: it reads the KB, asks the bot's thread for each
 * language's vectors (the encoder and its disk cache live there), then builds every matcher here
 * from them. Only the embedding waits on the bot's thread, and that is async there.
 */
import type { MessagePort } from 'node:worker_threads';
import {
  discoverCalibration,
  Faq,
  landVectors,
  LearnedFileStore,
  loadKnowledgeBase,
  textsToEmbed,
  type DenseVectors,
  type FaqOptions,
  type Locale,
} from '../../knowledge-base/index';
import {
  requestedOptions,
  type KbBuildEncoder,
  type KbBuildReply,
  type KbBuildRequest,
  type KbEmbedReply,
} from './kb-build-protocol';

export async function buildWithVectors(
  request: KbBuildRequest,
  encoder: KbBuildEncoder,
  port: MessagePort,
): Promise<Faq> {
  const kb = await loadKnowledgeBase(request.files);
  const calibration = request.calibration ?? (await discoverCalibration(kb));
  const options: FaqOptions = {
    ...requestedOptions(request),
    calibration,
    // What Faq.create takes from the encoder's VectorSource: the same files, the same store.
    ...(encoder.learnedDir ? { learned: new LearnedFileStore(encoder.learnedDir) } : {}),
  };
  const locales = [...new Set(kb.entries.map((e) => e.locale))].filter(
    (l) => !encoder.locales || encoder.locales.includes(l),
  );
  const asked = new Map(locales.map((l) => [l, textsToEmbed(kb, l, calibration[l] ?? [])] as const));
  const replies = awaitReplies(port, locales);
  locales.forEach((locale, i) => {
    const reply: KbBuildReply = {
      type: 'embed',
      locale,
      texts: asked.get(locale)!,
      last: i === locales.length - 1,
    };
    port.postMessage(reply);
  });
  const dense: Partial<Record<Locale, DenseVectors>> = {};
  const problems: Partial<Record<Locale, string>> = {};
  for (const reply of await replies) {
    const texts = asked.get(reply.locale)!;
    if (reply.type === 'no-vectors') problems[reply.locale] = reply.reason;
    else dense[reply.locale] = landVectors([...texts.phrasings, ...texts.messages], reply.vectors);
  }
  return Faq.withVectors(kb, options, dense, problems, encoder.cascade);
}

/** The bot's thread's answers, one per language asked. */
function awaitReplies(port: MessagePort, locales: readonly Locale[]): Promise<KbEmbedReply[]> {
  return new Promise((resolve) => {
    const replies: KbEmbedReply[] = [];
    if (locales.length === 0) return resolve(replies);
    const onMessage = (reply: KbEmbedReply): void => {
      replies.push(reply);
      if (replies.length < locales.length) return;
      port.off('message', onMessage);
      resolve(replies);
    };
    port.on('message', onMessage);
  });
}
