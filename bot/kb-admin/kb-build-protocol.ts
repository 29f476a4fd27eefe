import type {
  AnswerPolicy,
  FaqOptions,
  FaqSnapshot,
  KbIssue,
  LabelledText,
  Locale,
  Packed,
  ShippedVectors,
  TextsToEmbed,
} from '../../knowledge-base/index';

/** What the reloader hands the build thread (structured-clone-able: no functions, no encoder). */
export interface KbBuildRequest {
  readonly files: readonly string[];
  readonly defaultLocale?: Locale;
  readonly policy?: AnswerPolicy;
  readonly calibration?: Partial<Record<Locale, readonly LabelledText[]>>;
  /** With an encoder: the thread asks the bot's thread for each language's vectors (KbEmbedReply). */
  readonly encoder?: KbBuildEncoder;
  /** Test hook: the thread exits (code 3) before building, as a crash would. */
  readonly crash?: boolean;
}

/** The Faq options a request carries (what is left out, Faq.load and the thread work out). */
export function requestedOptions(request: KbBuildRequest): FaqOptions {
  return {
    ...(request.defaultLocale ? { defaultLocale: request.defaultLocale } : {}),
    ...(request.policy ? { policy: request.policy } : {}),
    ...(request.calibration ? { calibration: request.calibration } : {}),
  };
}

/** What the build thread knows of the bot's encoder (VectorSource's data, without its functions). */
export interface KbBuildEncoder {
  readonly cascade: boolean;
  /** Languages the encoder embeds (default: every language). */
  readonly locales?: readonly Locale[];
  /** The learned-cache folder, when the encoder keeps one on disk (LearnedFileStore). */
  readonly learnedDir?: string;
}

/**
 * The bot's thread's answer to an `embed` request: the vectors, in the order of the texts asked
 * (phrasings, then messages), or why there are none (that language is built lexical only).
 */
export type KbEmbedReply =
  | { readonly type: 'vectors'; readonly locale: Locale; readonly vectors: ShippedVectors }
  | { readonly type: 'no-vectors'; readonly locale: Locale; readonly reason: string };

/**
 * What the build thread sends back: each language's matcher packed (its typed arrays moved, its
 * strings in one table: receiving it costs the bot's thread about a copy of that table), then the
 * KB without matchers, packed too; or why there is none.
 */
export type KbBuildReply =
  | { readonly type: 'matcher'; readonly matcher: Packed<FaqSnapshot['matchers'][number]> }
  /**
   * Some of the KB's entries as JSON text, before 'built' (which then carries none): a message is
   * received in one go on the bot's thread, and 10,000 entries in one (15 MB) held it 20–60 ms.
   */
  | { readonly type: 'entries'; readonly json: string }
  | { readonly type: 'built'; readonly faq: Packed<Omit<FaqSnapshot, 'matchers'>>; readonly buildMs: number }
  /** With an encoder: the texts of one language to embed; `last` when no other language follows. */
  | { readonly type: 'embed'; readonly locale: Locale; readonly texts: TextsToEmbed; readonly last: boolean }
  | { readonly type: 'invalid'; readonly issues: readonly KbIssue[] }
  | { readonly type: 'failed'; readonly message: string };
