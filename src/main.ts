import { config as loadDotenv } from 'dotenv';
import { createLogger } from './app/logger.js';
import { openStorydesk } from './app/open-storydesk.js';
import { createDigestSinks } from './channels/commands/digest-sinks.js';
import { registerStoryCommands } from './channels/commands/story-commands.js';
import { createCommandRegistry } from './channels/create-command-registry.js';
import { startChannels } from './channels/start-channels.js';
import { terminalPlatform } from './channels/terminal/terminal-platform.js';
import { loadConfig } from './config/load-config.js';
import { describeError } from './app/describe-error.js';
import { debugEnabled } from './config/debug-enabled.js';
import { createStoryScheduling } from './app/story-scheduling.js';
import { withStoryLinks } from './app/with-story-links.js';
import { startWeb } from './web/start-web.js';
import { storyPagePath } from './web/story-urls.js';

/**
 * `npm start`: index the corpus folder (incrementally), then serve the configured channels and, with
 * STORYDESK_WEB_PORT, the story pages; with neither, a chat in the terminal (or one answer per line of piped
 * input).
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
  // With a public URL, chat answers link each story they draw on to its web page.
  const publicUrl = env.STORYDESK_PUBLIC_URL;
  const stories = storydesk.stories;
  const assistant =
    publicUrl && stories ? withStoryLinks(storydesk, { storyOf: (id) => stories.storyOf(id), storyUrl: (id) => storyPagePath(publicUrl, id) }) : storydesk;
  const web = await startWeb({ env, storydesk, logger });
  // Replicas sharing the storage answer each Slack event once and keep one Discord gateway connection.
  const channels = await startChannels({ env, assistant, registry, logger, coordination: storydesk.storage.coordination });
  const interactive = process.stdin.isTTY === true;
  // The terminal chat runs when nothing else serves, or beside the web UI when someone is at the terminal;
  // with piped input and a web port, storydesk keeps serving the pages instead of exiting at end of input.
  if (channels.configured.length === 0 && (web === undefined || interactive)) {
    await terminalPlatform.start({ env, assistant: storydesk, registry, logger });
  } else {
    logger.info({ running: channels.running, web: web?.url }, 'storydesk is serving; Ctrl+C to stop');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await channels.stop();
  }
  await web?.stop();
  clearInterval(refresher);
  // A feed poll still writing would otherwise find its database closed under it.
  scheduling.feedPoller?.stop();
  await scheduling.feedPoller?.settled();
  scheduling.close();
  await storydesk.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`storydesk: ${describeError(error, debugEnabled())}\n`);
  process.exitCode = 1;
});
