import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommandRegistry } from '../../../src/channels/create-command-registry.js';
import { type DiscordBot, startDiscord } from '../../../src/channels/discord/start-discord.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/app/logger.js';
import type { Storage } from '../../../src/core/storage.js';
import { postgresStorageBackend } from '../../../src/providers/postgres/postgres-storage-backend.js';
import { FakeDiscordGateway } from '../../fakes/discord-gateway.js';
import { FAKE_DISCORD, FakeDiscordRest } from '../../fakes/discord-rest.js';
import { createTestDatabase, postgresSuiteTitle, testPostgres } from '../../helpers/postgres.js';
import { FakeAssistant } from '../fake-assistant.js';

const server = testPostgres();

/** Ends the session holding the gateway role's advisory lock, as a crash or a network cut would; returns who held it. */
async function killGatewayLockHolder(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ name: string; ended: boolean }>(
      `SELECT a.application_name AS name, pg_terminate_backend(a.pid) AS ended
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE '%(discord-gateway)'`,
    );
    expect(rows).toHaveLength(1);
    return rows[0]?.name ?? '';
  } finally {
    await admin.end();
  }
}

describe.skipIf(!server.adminUrl)(postgresSuiteTitle('Discord gateway owned by one replica on a shared PostgreSQL database'), () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  });

  it('connects only the replica holding the role; when its database connection is killed the other connects and it disconnects', async () => {
    const rest = await FakeDiscordRest.start();
    stops.push(() => rest.close());
    const gateway = await FakeDiscordGateway.start({ heartbeatIntervalMs: 200 });
    stops.push(() => gateway.close());
    rest.gatewayUrl = gateway.url;
    const env = loadConfig({ DISCORD_TOKEN: 'discord-test-token', DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId, DISCORD_API_URL: rest.url });
    const url = await createTestDatabase(server.adminUrl ?? '');
    const backend = postgresStorageBackend({ url, poolSize: 2 });
    const logger = createLogger('silent');

    const replicas: { storage: Storage; bot: DiscordBot }[] = [];
    for (const name of ['replica-a', 'replica-b']) {
      const storage = await backend.open({ dataDir: '/nonexistent', logger, command: name });
      stops.push(() => storage.close());
      const bot = await startDiscord({ env, assistant: new FakeAssistant(), registry: createCommandRegistry(), logger, coordination: storage.coordination });
      stops.push(() => bot.stop());
      replicas.push({ storage, bot });
    }
    await gateway.until('one bot identified', () => gateway.identifies.length >= 1 && gateway.openConnections >= 1);
    expect(gateway.identifies).toHaveLength(1);
    expect(gateway.openConnections).toBe(1);

    const holder = await killGatewayLockHolder(url);
    expect(holder).toMatch(/^replica-a/);
    // The standby takes the lock the moment the holder's session ends and connects; the old holder disconnects.
    await gateway.until('the standby connected and the old holder gone', () => gateway.identifies.length === 2 && gateway.openConnections === 1);
    expect(gateway.openConnections).toBe(1);

    // A replica that stops hands the role back: the first one (now standing by) connects again.
    await replicas[1]?.bot.stop();
    await gateway.until('the first replica connected again', () => gateway.identifies.length === 3 && gateway.openConnections === 1);
    expect(gateway.identifies).toHaveLength(3);
  });
});
