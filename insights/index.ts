// Public surface of insights: what bot/ (survey turns, reports API) and cli/ import.
export {
  CONVERSATION_PATHS,
  CONVERSATION_OUTCOMES,
  BOT_PATHS,
  conversationContextSchema,
  type ConversationContext,
  type ConversationContextInput,
  type ConversationPath,
  type ConversationOutcome,
} from './conversation-context';
export {
  surveyAnswerSchema,
  parseSurveyAnswer,
  type SurveyAnswer,
  type SurveyAnswerInput,
  type SurveyAnswerParse,
} from './survey-answer';
export {
  CES_POINTS,
  CSAT_POINTS,
  isCesPoint,
  isCsatPoint,
  isNpsPoint,
  type CesPoint,
  type CsatPoint,
  type NpsPoint,
} from './scales';
export { InsightsError, type InsightsErrorCode, type InsightsIssue } from './errors';
export { surveyText, type SurveyChoice, type SurveyText } from './text/index';
export type { SurveyReply } from './reply/survey-reply';
export { parseCesReply } from './reply/parse-ces';
export { parseYesNoReply } from './reply/parse-yes-no';
export { parseCsatReply } from './reply/parse-csat';
export { parseNpsReply } from './reply/parse-nps';
export { parseCommentReply, MAX_COMMENT_LENGTH } from './reply/parse-comment';
export { isSkip } from './reply/skip';
export {
  startSurvey,
  answerSurvey,
  planSurvey,
  parseSurveyState,
  promptFor,
  type SurveyAnswers,
  type SurveyOptions,
  type SurveyPrompt,
  type SurveyState,
  type SurveyStep,
  type SurveyTurn,
} from './survey-flow';
export { cesScore, csatScore, npsScore, type CesScore, type CsatScore, type NpsScore } from './scores';
export type { SurveyStore, RecordResult, TimeRange, CustomerErasure } from './store/survey-store';
export { MemorySurveyStore } from './store/memory-survey-store';
export { RedisSurveyStore, type RedisSurveyStoreOptions } from './store/redis/redis-survey-store';
export { parseRetention, purgeExpiredSurveys, retentionSchema, type RetentionConfig } from './retention';
export {
  buildInsightsReport,
  type CountedKey,
  type DayCes,
  type InsightsReport,
  type ReportOptions,
  type Share,
} from './reports/insights-report';
export { percentile, waitTimePercentiles, type WaitTimePercentiles } from './reports/percentiles';
export { calendarDay } from './reports/calendar-day';
export {
  HELP_CENTER_CHANNEL,
  helpCenterFigures,
  isHelpCenterRecord,
  type HelpCenterFigures,
} from './reports/help-center-figures';
export {
  agentFigures,
  MIN_AGENT_CES_ANSWERS,
  type AgentFigures,
  type AgentFigureOptions,
} from './reports/agent-figures';
export { median, medianDuration, type MedianDuration } from './reports/median';
export { agentFiguresToCsv, AGENT_CSV_COLUMNS } from './reports/agent-csv';
export { surveysToCsv, csvCell, SURVEY_CSV_COLUMNS, type CsvOptions } from './reports/csv';
export { maskPersonalData } from './masking';
export {
  suggestKbImprovements,
  missedQuestionsOf,
  type KbSuggestion,
  type MissedQuestion,
  type NearestEntry,
  type NearestEntryFinder,
  type SuggestionOptions,
} from './suggestions/kb-suggestions';
export {
  noteAnswer,
  noteMiss,
  noteQuestion,
  answerFactsOf,
  type AnswerTrail,
} from './deflection/answer-trail';
export { resolutionOf, DEFAULT_DEFLECTION_QUIET_MS, type Resolution } from './deflection/resolution';
export {
  OPEN_STATES,
  openConversationSchema,
  type OpenConversation,
  type OpenState,
} from './deflection/open-conversation';
export { kbTermReadings, type KbVocabularySource, type TermReadings } from './suggestions/kb-reading';
export { questionTerms, termSimilarity, type TermReading } from './suggestions/question-terms';
