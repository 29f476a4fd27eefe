import type { Worker } from 'node:worker_threads';
import {
  shipVectors,
  type DenseVectors,
  type Locale,
  type TextsToEmbed,
  type VectorSource,
} from '../../knowledge-base/index';
import type { KbEmbedReply } from './kb-build-protocol';

interface EmbedRequest {
  readonly locale: Locale;
  readonly texts: TextsToEmbed;
}

/**
 * The bot's thread's side of an encoder-on build: it embeds what the build thread asks (async, the
 * encoder's worker at background priority, unchanged texts from the disk cache) and moves the
 * vectors there. It keeps each language's DenseVectors: the restored matchers embed customers'
 * messages with them.
 */
export class KbBuildEmbedder {
  /** By language, what the restored matchers read (the live encoder behind `embedQuery`). */
  readonly dense: Partial<Record<Locale, DenseVectors>> = {};
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly source: VectorSource,
    private readonly onProgress?: (locale: Locale, done: number, total: number) => void,
  ) {}

  /** One language at a time, as Faq.create embeds: the encoder's background queue stays short. */
  embed(request: EmbedRequest, worker: Worker): Promise<void> {
    const run = this.#queue.then(() => this.embedOne(request, worker));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  private async embedOne({ locale, texts }: EmbedRequest, worker: Worker): Promise<void> {
    let reply: KbEmbedReply;
    let transfer: ArrayBuffer[] = [];
    try {
      const dense = await this.source.vectorsFor(locale, texts, (done, total) =>
        this.onProgress?.(locale, done, total),
      );
      const vectors = shipVectors([...texts.phrasings, ...texts.messages], dense);
      this.dense[locale] = dense;
      reply = { type: 'vectors', locale, vectors };
      transfer = [vectors.flat.buffer as ArrayBuffer];
    } catch (error) {
      // As in Faq.create: that language is built lexical only, the reason in vectorProblems.
      reply = { type: 'no-vectors', locale, reason: error instanceof Error ? error.message : String(error) };
    }
    // A thread already ended (crash, timeout) drops the message: nothing waits on it.
    worker.postMessage(reply, transfer);
  }
}
