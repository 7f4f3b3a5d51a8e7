import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../src/channels/create-command-registry.js';
import { type SlackBot, startSlack } from '../../../src/channels/slack/start-slack.js';
import { loadConfig } from '../../../src/config/load-config.js';
import type { Storage, StorageBackend } from '../../../src/core/storage.js';
import { postgresStorageBackend } from '../../../src/providers/postgres/postgres-storage-backend.js';
import { sqliteStorageBackend } from '../../../src/providers/sqlite-storage-backend.js';
import { postSlackEvent, slackSignatureHeaders } from '../../fakes/slack-signed-request.js';
import { FakeSlackWebApi } from '../../fakes/slack-web-api.js';
import { LogCapture } from '../../helpers/log-capture.js';
import { createTestDatabase, testPostgres } from '../../helpers/postgres.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { FakeAssistant } from '../fake-assistant.js';

const SECRET = 'replica-signing-secret';
const REPLICAS = 3;
const server = testPostgres();
const temp = makeTempDir('storydesk-slack-replicas-');
afterAll(() => temp.remove());

/** Each backend with a fresh shared location: a database every replica connects to, or one data folder. */
const backends: { name: string; skip: string | undefined; shared(): Promise<StorageBackend> }[] = [
  { name: 'SQLite (replicas on one data folder)', skip: undefined, shared: async () => sqliteStorageBackend },
  {
    name: 'PostgreSQL (replicas on one database)',
    skip: server.skipReason,
    shared: async () => postgresStorageBackend({ url: await createTestDatabase(server.adminUrl ?? ''), poolSize: 2 }),
  },
];

describe.each(backends)('Slack events reaching several replicas: $name', ({ skip, shared }) => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  });

  it.skipIf(skip !== undefined)(`answers an event once when it is delivered to ${REPLICAS} replicas, retried and replayed${skip ? ` (skipped: ${skip})` : ''}`, async () => {
    const web = await FakeSlackWebApi.start();
    stops.push(() => web.close());
    const backend = await shared();
    const dataDir = mkdtempSync(join(temp.path, 'data-'));
    const env = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_HTTP_PORT: '3000', SLACK_API_URL: web.url });
    const logs = new LogCapture();
    const assistant = new FakeAssistant();
    const urls: string[] = [];
    for (let replica = 0; replica < REPLICAS; replica += 1) {
      // Each replica opens its own storage (its own connections), as separate `npm start` processes do.
      const storage: Storage = await backend.open({ dataDir, logger: logs.logger, command: `replica ${replica}` });
      storage.endStartup();
      stops.push(() => storage.close());
      const bot: SlackBot = await startSlack({ env, assistant, registry: createCommandRegistry(), logger: logs.logger, coordination: storage.coordination, httpPortOverride: 0 });
      stops.push(() => bot.stop());
      urls.push(`http://127.0.0.1:${bot.httpPort}/slack/events`);
    }

    const ts = web.nextTs();
    const body = JSON.stringify({
      token: 'verification-token',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev0REPLICAS1',
      event_time: 1700000000,
      event: { type: 'app_mention', user: 'UREPORTER', text: '<@UBOT> Is ByteDance using Huawei chips?', ts, channel: 'CNEWS', event_ts: ts },
    });
    // Every replica at once, then Slack's retries (the same event id, x-slack-retry-num) to each of them.
    const first = await Promise.all(urls.map((url) => postSlackEvent(url, body, slackSignatureHeaders(SECRET, body))));
    const retries = await Promise.all(
      urls.map((url, n) => postSlackEvent(url, body, { ...slackSignatureHeaders(SECRET, body), 'x-slack-retry-num': String(n + 1), 'x-slack-retry-reason': 'http_timeout' })),
    );
    expect([...first, ...retries].every((status) => status === 200)).toBe(true);

    const deliveries = REPLICAS * 2;
    // Every delivery is decided: one answered, the rest skipped (here or by another replica).
    await logs.until('every delivery decided', () => logs.count('Slack event already handled') === deliveries - 1 && assistant.calls.length === 1);
    await web.waitUntil('the answer', () => web.callsTo('chat.postMessage').some((call) => call.args.thread_ts === ts));
    expect(assistant.calls).toHaveLength(1);
    expect(web.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(1);
    expect(logs.count('by another replica')).toBeGreaterThanOrEqual(REPLICAS - 1);
  });
});
