import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');

describe('npm start with a web port and no terminal', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('keeps serving the story pages after its (piped, empty) input ends, and stops on SIGTERM', async () => {
    const port = await freePort();
    // `tsx` directly rather than through npm, so SIGTERM reaches storydesk itself.
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STORYDESK_DATA_DIR: join(temp.path, 'data'), STORYDESK_WEB_PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdin.end();
    let exited = false;
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }));
    const base = `http://127.0.0.1:${port}`;
    // Start-up indexes corpus/ first; poll (bounded) until the page server answers or the process ends.
    for (let attempt = 0; attempt < 300 && !exited; attempt += 1) {
      if (await fetch(`${base}/healthz`).then((response) => response.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(exited, stderr).toBe(false);
    const page = await (await fetch(`${base}/stories`)).text();
    expect(page).toContain('TikTok Parent ByteDance To Reportedly Use Huawei Chips To Train AI Model');
    // Still serving a moment later: the end of input did not stop it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
