import type { CesPoint, CsatPoint } from '../scales';

/** A suggested action: the button's label and the value it sends back. */
export interface SurveyChoice<T> {
  readonly value: T;
  readonly label: string;
}

/** Every customer-facing sentence of the closing survey, in one language. */
export interface SurveyText {
  /** Seed 000's CES question, word for word in French. */
  readonly cesQuestion: string;
  /** 1 … 5, in scale order: the five suggested actions. */
  readonly cesChoices: readonly [
    SurveyChoice<CesPoint>,
    SurveyChoice<CesPoint>,
    SurveyChoice<CesPoint>,
    SurveyChoice<CesPoint>,
    SurveyChoice<CesPoint>,
  ];
  readonly answeredQuestion: string;
  readonly yes: string;
  readonly no: string;
  readonly csatQuestion: string;
  readonly csatChoices: readonly SurveyChoice<CsatPoint>[];
  /** Seed 001's recommendation question (NPS, 0 … 10), asked only where a deployment enables it. */
  readonly npsQuestion: string;
  readonly npsRetry: string;
  readonly commentPrompt: string;
  /** The button that skips the current question. */
  readonly skip: string;
  /** Said when a reply is not understood as an answer but looked like one (e.g. "7"). */
  readonly cesRetry: string;
  /** The same for the satisfaction question. */
  readonly csatRetry: string;
  readonly thanks: string;
}
