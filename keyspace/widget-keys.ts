import { deploymentTag } from './slots';

/** Every Redis key of the widget, under the deployment prefix (REDIS_PREFIX). */
export interface WidgetKeys {
  /** Hash outcome (shown | accepted | dismissed) → count, for one proactive rule. */
  invitations(ruleId: string): string;
}

export function widgetKeys(prefix: string): WidgetKeys {
  const base = `${deploymentTag(prefix)}:widget`;
  return { invitations: (ruleId) => `${base}:invitations:${ruleId}` };
}
