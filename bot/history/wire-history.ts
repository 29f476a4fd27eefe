import type { AppDeps } from '../server';
import type { HistoryRecorder } from './history-recorder';
import { recordFaq, recordHandoff, recordQueue, recordRelay, recordSurveys } from './record-ports';

/**
 * The same dependencies with the bot's ports and the agent side's queue and relay log copying into
 * the history, and the agent API given the history to search. The adapters' middleware
 * (record-turns.ts) adds the customer's and the bot's lines.
 */
export function withHistory(deps: AppDeps, recorder: HistoryRecorder): AppDeps {
  const now = () => deps.bot.clock().getTime();
  const surveys = deps.bot.surveys;
  const agent = deps.agent;
  return {
    ...deps,
    bot: {
      ...deps.bot,
      faq: recordFaq(deps.bot.faq, recorder, now),
      handoff: recordHandoff(deps.bot.handoff, recorder, now),
      ...(surveys ? { surveys: recordSurveys(surveys, recorder) } : {}),
    },
    ...(agent
      ? {
          agent: {
            ...agent,
            queue: recordQueue(agent.queue, recorder, now),
            store: recordRelay(agent.store, recorder),
            history: recorder.store,
          },
        }
      : {}),
  };
}
