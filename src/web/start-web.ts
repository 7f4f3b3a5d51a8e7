import type { Logger } from '../app/logger.js';
import type { Storydesk } from '../app/storydesk.js';
import type { Env } from '../config/schema.js';
import { isLoopbackHost } from '../config/web-settings.js';
import { storyReader } from './story-reader.js';
import { basePathOf } from './story-urls.js';
import { createWebApp } from './web-app.js';
import { startWebServer, type WebServer } from './start-web-server.js';

/**
 * Starts the web UI when STORYDESK_WEB_PORT is set (undefined otherwise). The config schema has already
 * refused a non-loopback host without a token.
 */
export async function startWeb(options: { env: Env; storydesk: Storydesk; logger: Logger }): Promise<WebServer | undefined> {
  const { env, storydesk, logger } = options;
  if (env.STORYDESK_WEB_PORT === undefined) return undefined;
  if (!storydesk.stories) throw new Error('the web UI needs the story service (open storydesk with stories enabled)');
  const app = createWebApp({
    stories: storyReader(storydesk.stories, storydesk.store),
    assistant: storydesk,
    logger,
    base: basePathOf(env.STORYDESK_PUBLIC_URL),
    ...(env.STORYDESK_WEB_TOKEN ? { token: env.STORYDESK_WEB_TOKEN } : {}),
    secureCookie: env.STORYDESK_PUBLIC_URL?.startsWith('https:') ?? false,
  });
  const server = await startWebServer(app, { host: env.STORYDESK_WEB_HOST, port: env.STORYDESK_WEB_PORT });
  const guarded = env.STORYDESK_WEB_TOKEN ? 'token required' : isLoopbackHost(env.STORYDESK_WEB_HOST) ? 'this machine only' : 'open';
  logger.info({ url: server.url, publicUrl: env.STORYDESK_PUBLIC_URL, access: guarded }, `Story pages at ${server.url}/stories`);
  return server;
}
