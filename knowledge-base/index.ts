// Public surface of the knowledge base: what bot/, cli/ and bench/ import.
export {
  Faq,
  discoverCalibration,
  textsToEmbed,
  type FaqOptions,
  type FaqSnapshot,
  type MatchOptions,
} from './faq';
export { answerPolicyFromText, DEFAULT_ANSWER_POLICY, type AnswerPolicy } from './answer-policy';
export { Matcher, type LabelledText, type MatcherInfo, type MatcherOptions } from './matcher';
export { loadKnowledgeBase, buildKnowledgeBase, parseKbText, type LoadedKnowledgeBase } from './loader';
export { KbError, formatIssue, type KbIssue } from './errors';
export { detectLanguage, type LanguageGuess } from './language';
export { toLocale, LOCALES, type Locale } from './locale';
export type { DenseVectors } from './dense';
// A snapshot as it crosses threads: one string table and moved typed arrays, rebuilt in slices.
export { pack, type Packed } from './snapshot-pack';
export { unpack } from './snapshot-unpack';
export { normalize, foldText, foldWords, stripAccents, NORMALIZER_VERSION } from './normalize';
export { Synonyms } from './synonyms';
export { FUNCTION_WORDS } from './stopwords';
export { checkExpectedIds, readLabelledLines, type LabelledLine } from './labelled-queries';
// The KB files as data: edits from the admin API, atomic writes, QnA TSV import and export (bot/, cli/).
export { applyKbEdit, type KbEdit } from './kb-edit';
export { notWritableReason, writeFileAtomic } from './kb-file-write';
export { readKbText } from './read-kb-text';
export { entrySchema } from './schema';
export { kbFileText, kbFormatOf } from './kb-file-text';
export { kbToQnaTsv } from './qna-tsv-export';
export { readQnaTsv } from './qna-tsv-import';
export { summarize, toPrediction, type EvalSummary, type Prediction } from './evaluation';
export type { Candidate, Decision, DecisionKind, Entry, EscalationReason } from './types';
export type { TextsToEmbed, VectorSource } from './vector-source';
export { landVectors, shipVectors, type ShippedVectors } from './shipped-vectors';
export { LearnedFileStore, type LearnedStore } from './learned-cache';
export {
  openEncoderVectors,
  type EncoderMode,
  type EncoderPass,
  type EncoderStatus,
  type EncoderVectors,
  type EncoderStats,
} from './encoder';
