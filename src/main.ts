import { config as loadDotenv } from 'dotenv';
import { createLogger } from './app/logger.js';
import { openStorydesk } from './app/open-storydesk.js';
import { createDigestSinks } from './channels/commands/digest-sinks.js';
import { registerStoryCommands } from './channels/commands/story-commands.js';
import { createCommandRegistry } from './channels/create-command-registry.js';
import { startChannels } from './channels/start-channels.js';
import { runTerminalChat } from './channels/terminal/terminal-chat.js';
import { loadConfig } from './config/load-config.js';
import { describeError } from './app/describe-error.js';
import { debugEnabled } from './config/debug-enabled.js';
import { createStoryScheduling } from './scheduler/story-scheduling.js';

/**
 * `npm start`: index the corpus folder (incrementally), then serve the configured channels; with none
 * configured, a chat in the terminal (or one answer per line of piped input).
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const env = loadConfig(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const storydesk = await openStorydesk({ dataDir: env.STORYDESK_DATA_DIR, env, logger });
  const report = await storydesk.ingest([env.STORYDESK_CORPUS_DIR]);
  logger.info({ ...report, skipped: report.skipped.length }, `Corpus ${env.STORYDESK_CORPUS_DIR} indexed`);
  for (const skipped of report.skipped) logger.warn(skipped, 'Skipped input');
  // Feeds are polled and digests posted beside the chat when FEEDS or a chat platform is configured.
  const scheduling = createStoryScheduling({ storydesk, env, logger, sinks: createDigestSinks(env) });
  if (scheduling.enabled) await scheduling.start();

  // A CLI ingest on the same folder saves a new index: pick it up between questions, without a restart.
  const refresher = setInterval(() => {
    storydesk.refresh().catch((error: unknown) => logger.warn({ err: error }, 'Reloading the vector index failed; still answering from the one loaded.'));
  }, 2000);
  refresher.unref();

  const registry = registerStoryCommands(createCommandRegistry(), scheduling);
  const channels = await startChannels({ env, assistant: storydesk, registry, logger });
  if (channels.configured.length === 0) {
    const interactive = process.stdin.isTTY === true;
    await runTerminalChat({ assistant: storydesk, input: process.stdin, output: process.stdout, interactive });
  } else {
    logger.info({ running: channels.running }, 'storydesk is answering in its channels; Ctrl+C to stop');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await channels.stop();
  }
  clearInterval(refresher);
  // A feed poll still writing would otherwise find its database closed under it.
  scheduling.feedPoller?.stop();
  await scheduling.feedPoller?.settled();
  scheduling.close();
  storydesk.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`storydesk: ${describeError(error, debugEnabled())}\n`);
  process.exitCode = 1;
});
