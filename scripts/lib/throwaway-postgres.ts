import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

/** A PostgreSQL server in a temporary folder, for tests and benchmarks; gone after `stop`. */
export interface ThrowawayPostgres {
  /** Superuser URL of its `postgres` database, e.g. postgres://postgres@127.0.0.1:PORT/postgres. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The newest PostgreSQL ≥ 15 Debian installed, with pgvector; or why there is none. */
export function findPostgresInstall(): { binDir: string } | { reason: string } {
  for (const version of [17, 16, 15]) {
    const binDir = `/usr/lib/postgresql/${version}/bin`;
    if (!existsSync(join(binDir, 'postgres'))) continue;
    if (!existsSync(`/usr/share/postgresql/${version}/extension/vector.control`)) {
      return { reason: `PostgreSQL ${version} has no pgvector (run scripts/postgres/install.sh as root)` };
    }
    return { binDir };
  }
  return { reason: 'no PostgreSQL ≥ 15 under /usr/lib/postgresql (run scripts/postgres/install.sh as root)' };
}

/**
 * Starts a throwaway cluster: initdb in a temporary folder, trust auth, listening on 127.0.0.1 only, fsync off
 * (its data is thrown away). As root it runs as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export async function startThrowawayPostgres(options: { maxConnections?: number } = {}): Promise<ThrowawayPostgres> {
  const install = findPostgresInstall();
  if ('reason' in install) throw new Error(install.reason);
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'storydesk-pg-'));
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  try {
    execFileSync(join(install.binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], {
      ...asOwner,
      stdio: 'pipe',
      env: { ...process.env, HOME: dataDir },
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${describeExecError(error)}`);
  }
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dataDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: String(options.maxConnections ?? 200),
    shared_buffers: '256MB',
    maintenance_work_mem: '256MB',
  };
  const args = ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
  const server = spawn(join(install.binDir, 'postgres'), args, { ...asOwner, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilAccepting(url, server, () => log);
  } catch (error) {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const pid = server.pid ?? 0;
  return {
    url,
    pid,
    async stop() {
      await stopServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
  }
}

async function waitUntilAccepting(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with code ${server.exitCode}: ${log().trim()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${log().trim()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Fast shutdown (SIGINT: abort transactions, then exit), escalating to SIGKILL after 10 s. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function describeExecError(error: unknown): string {
  if (error && typeof error === 'object' && 'stderr' in error) {
    const stderr = (error as { stderr: Buffer | string }).stderr.toString().trim();
    if (stderr) return stderr;
  }
  return error instanceof Error ? error.message : String(error);
}
