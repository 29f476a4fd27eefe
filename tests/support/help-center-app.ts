import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySurveyStore } from '../../insights/index';
import { loadConfig } from '../../bot/config';
import type { KbReloader } from '../../bot/kb-admin/kb-reloader';
import { compose } from '../../bot/root/compose';
import { silentLog } from '../../bot/log';
import { InMemoryHandoffRecorder } from '../../bot/ports/handoff';
import { createServer, type RelaisServer } from '../../bot/server';
import { OPEN_TIME, PARIS_HOURS, SECRET } from './test-settings';

const DEMO = join(__dirname, '..', '..', 'knowledge-base', 'demo');

/** Kept for the chat only in the test copy of the demo KB: listed nowhere, its URL a 404. */
export const HIDDEN_ENTRY = 'become-provider';
/** Marked `escalate` in the demo KB. */
export const ESCALATING_ENTRY = 'complaint-bad-work';
export const SUPERVISOR_TOKEN = 'supervisor-token-for-the-help-center-0123';

/**
 * The demo KB copied to a temporary folder, with HIDDEN_ENTRY marked `public: false` in both
 * languages (the tests edit the copy and reload it).
 */
export function demoKbCopy(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'relais-help-kb-'));
  const files = ['fr', 'en'].map((lang) => {
    const text = readFileSync(join(DEMO, `${lang}.yaml`), 'utf8').replace(
      `  - id: ${HIDDEN_ENTRY}\n`,
      `  - id: ${HIDDEN_ENTRY}\n    public: false\n`,
    );
    if (!text.includes('public: false')) throw new Error(`${HIDDEN_ENTRY} not found in ${lang}.yaml`);
    const file = join(dir, `${lang}.yaml`);
    writeFileSync(file, text);
    copyFileSync(join(DEMO, `${lang}.calibration.jsonl`), join(dir, `${lang}.calibration.jsonl`));
    return file;
  });
  return { dir, files };
}

export interface HelpCenterApp {
  readonly app: RelaisServer;
  readonly url: string;
  readonly reloader: KbReloader;
  readonly surveys: MemorySurveyStore;
  readonly files: readonly string[];
}

/** A real server on a free port: the KB copy (reloadable), a survey store, rate limits, the reports. */
export async function startHelpCenterApp(
  env: Record<string, string> = {},
  files: readonly string[] = demoKbCopy().files,
): Promise<HelpCenterApp> {
  const now = () => OPEN_TIME;
  const surveys = new MemorySurveyStore();
  const config = loadConfig({ SUPERVISOR_TOKEN, MATCHER_ENCODER: 'off', KB_FILES: files.join(','), ...env });
  // The KB files behind a reloader, as `npm start` serves them; rate limits on.
  const composed = await compose(config, {
    clock: now,
    log: silentLog,
    tokenSecret: SECRET,
    surveys,
    agent: 'off',
    bot: { handoff: new InMemoryHandoffRecorder(), supportHours: PARIS_HOURS },
  });
  const reloader = composed.kbReloader!;
  const app = createServer(config, composed);
  const url = await app.listen(0);
  return { app, url, reloader, surveys, files };
}
