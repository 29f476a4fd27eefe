import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { MemorySurveyStore } from '../../../insights/index';
import type { BotDeps } from '../../../bot/conversation/deps';
import { ClosingService, surveyAfterAgent } from '../../../bot/closing/closing-service';
import { newConversation, type ConversationData } from '../../../bot/conversation/state';
import { Turn } from '../../../bot/conversation/turn';
import { DemoBackOffice } from '../../../bot/ports/demo-back-office';
import { InMemoryHandoffRecorder } from '../../../bot/ports/handoff';
import { RelaisBot } from '../../../bot/relais-bot';
import { identifyWith } from '../../../bot/security/identity';
import { scriptedFaq } from './harness';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../support/test-settings';

export interface SurveyBot {
  readonly adapter: TestAdapter;
  readonly surveys: MemorySurveyStore;
  readonly handoff: InMemoryHandoffRecorder;
  /**
   * What an agent's resolve does in its proactive turn (after the agent's closing words, which go
   * out as the agent's message): the conversation back with the bot, the survey, the state saved.
   */
  resolveByAgent(info?: { agentId: string; waitMs: number }): Promise<void>;
}

/** A bot wired as createServer wires it: a survey store and the survey in the closing hook. */
export function startSurveyBot(
  faq: Faq,
  options: { locale?: string; now?: Date; askNps?: boolean } = {},
): SurveyBot {
  const now = options.now ?? OPEN_TIME;
  const surveys = new MemorySurveyStore();
  const handoff = new InMemoryHandoffRecorder();
  const state = new ConversationState(new MemoryStorage());
  const deps: BotDeps = {
    faq: scriptedFaq(faq),
    handoff,
    backOffice: new DemoBackOffice(() => now),
    closing: new ClosingService(),
    supportHours: PARIS_HOURS,
    clock: () => now,
    identify: identifyWith(SECRET),
    surveys,
    ...(options.askNps ? { surveyQuestions: { askNps: true } } : {}),
  };
  const bot = new RelaisBot(state, deps);
  const template: Partial<Activity> = { locale: options.locale ?? 'fr-FR' };
  const adapter = new TestAdapter((context) => bot.run(context), template);
  const conversation = state.createProperty<ConversationData>('relais');
  const resolveByAgent = (info?: { agentId: string; waitMs: number }) =>
    adapter.processActivity({ type: 'event', name: 'agent.resolved' }, async (context) => {
      const data = await conversation.get(context, newConversation());
      const turn = new Turn(context, data, deps, data.locale ?? 'fr', undefined);
      await surveyAfterAgent(turn, info ?? {});
      await state.saveChanges(context);
    });
  return { adapter, surveys, handoff, resolveByAgent };
}
