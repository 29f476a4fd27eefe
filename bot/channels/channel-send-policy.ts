import type { PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';
import {
  deadlineMs,
  failureOf,
  mayRetry,
  parseRetryAfter,
  pauseBefore,
  type AttemptOutcome,
  type ChannelSendBudget,
  type SendFailure,
} from './channel-send-budget';

/** The connector did not answer in time, or kept failing until the budget was spent. */
export class ChannelUnavailableError extends Error {
  readonly code = 'RELAIS_CHANNEL_UNAVAILABLE';
  constructor(
    message: string,
    readonly failure: SendFailure,
  ) {
    super(message);
    this.name = 'ChannelUnavailableError';
  }
}

/** What the policy reports: each retry, and each call that failed for good (for the metrics). */
export interface SendObserver {
  retried(reason: SendFailure): void;
  failed(reason: SendFailure): void;
}

export interface PolicyClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

const realClock: PolicyClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** An attempt shorter than this is not worth starting: the deadline is spent. */
const SHORTEST_ATTEMPT_MS = 100;

export const CHANNEL_SEND_POLICY = 'relaisChannelSend';

/**
 * The Retry-phase policy of every connector client (bot/channels/connector-clients.ts): each
 * attempt is aborted after the budget's timeout, transient failures are tried again after a
 * pause, and the whole call ends by the deadline. A final failed response is passed on as it is
 * (botbuilder raises its RestError); no answer at all raises ChannelUnavailableError.
 */
export function channelSendPolicy(
  budget: ChannelSendBudget,
  observer: SendObserver,
  clock: PolicyClock = realClock,
): PipelinePolicy {
  return {
    name: CHANNEL_SEND_POLICY,
    async sendRequest(request, next) {
      const deadline = clock.now() + deadlineMs(budget);
      const callerSignal = request.abortSignal;
      try {
        for (let retry = 0; ; retry += 1) {
          const left = deadline - clock.now();
          const attempt = await attemptOnce(request, next, Math.min(budget.timeoutMs, left), clock);
          if ('response' in attempt) return attempt.response;
          const { outcome } = attempt;
          const reason = failureOf(outcome);
          const pause = pauseBefore(retry + 1, outcome, clock.random);
          const worthIt =
            retry < budget.retries &&
            mayRetry(request.method, outcome) &&
            pause + SHORTEST_ATTEMPT_MS <= deadline - clock.now();
          if (!worthIt) {
            observer.failed(reason);
            return giveUp(attempt);
          }
          observer.retried(reason);
          await clock.sleep(pause);
          if (callerSignal?.aborted) return giveUp(attempt);
        }
      } finally {
        request.abortSignal = callerSignal;
      }
    },
  };
}

type Attempt =
  | { readonly response: PipelineResponse }
  | {
      readonly outcome: AttemptOutcome;
      readonly failedResponse?: PipelineResponse;
      readonly error?: unknown;
    };

/** Transient statuses come back as outcomes; 2xx, 3xx and other statuses as the response itself. */
async function attemptOnce(
  request: PipelineRequest,
  next: (request: PipelineRequest) => Promise<PipelineResponse>,
  timeoutMs: number,
  clock: PolicyClock,
): Promise<Attempt> {
  const controller = new AbortController();
  const callerSignal = request.abortSignal;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  // The caller's own abort (none from botbuilder today) still ends the attempt.
  const onCallerAbort = () => controller.abort();
  if (callerSignal?.aborted) controller.abort();
  callerSignal?.addEventListener('abort', onCallerAbort);
  request.abortSignal = controller.signal;
  try {
    const response = await next(request);
    if (response.status < 400) return { response };
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), clock.now());
    const outcome = { status: response.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    return { outcome, failedResponse: response };
  } catch (error) {
    if (timedOut) return { outcome: { timedOut: true }, error };
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && !callerSignal?.aborted) return { outcome: { networkCode: code }, error };
    throw error;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
    request.abortSignal = callerSignal;
  }
}

/**
 * A refusal (4xx) goes back to botbuilder as the connector answered it; a connector that is
 * down, slow or throttling raises ChannelUnavailableError, so the turn's error handler knows an
 * apology through the same connector would only spend another budget.
 */
function giveUp(attempt: Extract<Attempt, { outcome: AttemptOutcome }>): PipelineResponse {
  const { outcome, failedResponse } = attempt;
  const reason = failureOf(outcome);
  if (failedResponse && reason === 'refused') return failedResponse;
  if ('status' in outcome)
    throw new ChannelUnavailableError(`the channel connector answered ${outcome.status}`, reason);
  if ('timedOut' in outcome)
    throw new ChannelUnavailableError('the channel connector did not answer in time', reason);
  throw new ChannelUnavailableError(
    `the channel connector could not be reached (${outcome.networkCode})`,
    reason,
  );
}
