import type {
  AnswerPolicy,
  FaqSnapshot,
  KbIssue,
  LabelledText,
  Locale,
  Packed,
} from '../../knowledge-base/index';

/** What the reloader hands the build thread (structured-clone-able: no functions, no encoder). */
export interface KbBuildRequest {
  readonly files: readonly string[];
  readonly defaultLocale?: Locale;
  readonly policy?: AnswerPolicy;
  readonly calibration?: Partial<Record<Locale, readonly LabelledText[]>>;
  /** Test hook: the thread exits (code 3) before building, as a crash would. */
  readonly crash?: boolean;
}

/**
 * What the build thread sends back: each language's matcher packed (its typed arrays moved, its
 * strings in one table: receiving it costs the bot's thread about a copy of that table), then the
 * KB without matchers, packed too; or why there is none.
 */
export type KbBuildReply =
  | { readonly type: 'matcher'; readonly matcher: Packed<FaqSnapshot['matchers'][number]> }
  | { readonly type: 'built'; readonly faq: Packed<Omit<FaqSnapshot, 'matchers'>>; readonly buildMs: number }
  | { readonly type: 'invalid'; readonly issues: readonly KbIssue[] }
  | { readonly type: 'failed'; readonly message: string };
