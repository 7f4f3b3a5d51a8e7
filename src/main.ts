import { config as loadDotenv } from 'dotenv';
import { createLogger } from './app/logger.js';
import { openStorydesk } from './app/open-storydesk.js';
import { createStoryScheduling } from './app/story-scheduling.js';
import { createDigestSinks } from './channels/commands/digest-sinks.js';
import { registerStoryCommands } from './channels/commands/story-commands.js';
import { createCommandRegistry } from './channels/create-command-registry.js';
import { startChannels } from './channels/start-channels.js';
import { terminalPlatform } from './channels/terminal/terminal-platform.js';
import { loadConfig } from './config/load-config.js';

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

  const registry = registerStoryCommands(createCommandRegistry(), scheduling);
  const channels = await startChannels({ env, assistant: storydesk, registry, logger });
  if (channels.configured.length === 0) {
    await terminalPlatform.start({ env, assistant: storydesk, registry, logger });
  } else {
    logger.info({ running: channels.running }, 'storydesk is answering in its channels; Ctrl+C to stop');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await channels.stop();
  }
  scheduling.close();
  await storydesk.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`storydesk: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
