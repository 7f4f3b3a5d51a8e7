import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type RunningProcess, startProcess } from '../helpers/run-cli.js';
import { createTestDatabase, testPostgres } from '../helpers/postgres.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const server = testPostgres();
const temp = makeTempDir('storydesk-leadership-');
afterAll(() => temp.remove());

async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** The last state a lead-role process printed. */
function lastState(replica: RunningProcess): string | undefined {
  return replica.output().stdout.trim().split('\n').at(-1)?.split(' ')[0];
}

const backends = [
  { name: 'SQLite data folder (lock files)', skip: undefined, environment: async () => ({ STORYDESK_DATA_DIR: mkdtempSync(join(temp.path, 'data-')) }) },
  { name: 'PostgreSQL (session advisory locks)', skip: server.skipReason, environment: async () => ({ DATABASE_URL: await createTestDatabase(server.adminUrl ?? '') }) },
];

describe.each(backends)('a role among real processes: $name', ({ skip, environment }) => {
  const running: RunningProcess[] = [];
  afterEach(async () => {
    for (const replica of running.splice(0)) {
      replica.child.kill('SIGKILL');
      await replica.exited;
    }
  });

  it.skipIf(skip !== undefined)(`is held by one process; SIGKILL of the holder hands it to a standby${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 120_000 }, async () => {
    const env = await environment();
    const start = (): RunningProcess => {
      const replica = startProcess(['discord-gateway'], env, 'test/helpers/lead-role.ts');
      running.push(replica);
      return replica;
    };
    const holder = start();
    await eventually(() => lastState(holder) === 'leading');
    const standbys = [start(), start()];
    await eventually(() => standbys.every((replica) => lastState(replica) === 'standby'));

    holder.child.kill('SIGKILL');
    expect((await holder.exited).signal).toBe('SIGKILL');
    // Exactly one standby takes over; the other keeps standing by.
    await eventually(() => standbys.some((replica) => lastState(replica) === 'leading'));
    const states = standbys.map(lastState).sort();
    expect(states).toEqual(['leading', 'standby']);
  });
});
