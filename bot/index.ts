import { KbError, formatIssue } from '../knowledge-base/index';
import { ConfigError, loadConfig } from './config';
import { compose } from './root/compose';
import { createLog } from './log';
import { withDemoAgent } from './agent/demo-agent';
import { withDemoSupervisor } from './reports/demo-supervisor';
import { createServer } from './server';
import { traceStoresOf } from './reports/trace-stores';
import { startRetentionPurge } from './survey/retention-timer';

/** `npm start`: read the configuration, build the dependencies, listen, stop cleanly on SIGTERM. */
async function main(): Promise<void> {
  const supervised = withDemoSupervisor(loadConfig(process.env), process.env);
  const { config, demoAgent } = await withDemoAgent(supervised.config, process.env);
  const demoToken = supervised.demoToken;
  const log = createLog(config.log);
  const deps = await compose(config, { log });
  const app = createServer(config, deps);
  const retention =
    deps.bot.surveys &&
    startRetentionPurge(deps.bot.surveys, config.surveyRetentionDays, {
      log,
      clock: deps.bot.clock,
      traces: traceStoresOf(deps),
    });
  const url = await app.listen(config.port, config.host);
  log.info(
    `Relais is listening on ${url} (chat page: ${url}/ , Bot Framework endpoint: ${url}/api/messages)`,
  );
  if (demoAgent)
    log.info(
      `Agent console: ${url}/agent (demo agent for this run: login "${demoAgent.id}", password "${demoAgent.password}"; set AGENTS or AGENTS_FILE for real accounts, NODE_ENV=production never makes one).`,
    );
  else log.info(`Agent console: ${url}/agent`);
  if (demoToken)
    log.info(
      `Dashboard: ${url}/dashboard (supervisor token for this run: ${demoToken}; set SUPERVISOR_TOKEN to choose one, NODE_ENV=production never makes one).`,
    );
  else if (!config.supervisor)
    log.info('Reports and dashboard are off: set SUPERVISOR_TOKEN (or SUPERVISOR_TOKEN_SHA256).');
  else log.info(`Dashboard: ${url}/dashboard (supervisor token from SUPERVISOR_TOKEN).`);
  if (!deps.durable) log.info('Conversations are kept in memory: everything is lost when the process stops.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: finishing in-flight turns, then exiting.`);
    retention?.stop();
    app
      .close()
      .then(() => deps.dispose())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('shutdown failed', error);
          process.exit(1);
        },
      );
  };
  // SIGHUP re-reads the KB files: a bad file is reported and the KB in service keeps answering.
  process.on('SIGHUP', () => {
    const reloader = deps.kbReloader;
    if (!reloader) return;
    reloader.reload().then(
      (outcome) =>
        outcome.ok
          ? log.info(
              `SIGHUP: knowledge base reloaded (generation ${outcome.report.generation}, ${outcome.report.buildMs} ms)`,
            )
          : log.error(
              `SIGHUP: knowledge base reload refused, the previous one keeps serving:\n${outcome.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
            ),
      (error: unknown) => log.error('SIGHUP: knowledge base reload failed', error),
    );
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof KbError)
    console.error(`knowledge base rejected:\n${error.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
  else console.error('Relais failed to start:', error);
  process.exit(1);
});
