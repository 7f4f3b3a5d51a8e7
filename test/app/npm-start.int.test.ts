import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';

const ROOT = join(import.meta.dirname, '../..');

describe('npm start with piped input', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('indexes corpus/, answers each line with sources, and exits at the end of input', async () => {
    const child = spawn('npm', ['start', '-s'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', STORYDESK_DATA_DIR: join(temp.path, 'data'), LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stdin.end('Is ByteDance training an AI model on Huawei chips?\n/unknown\nWhat is the capital of France?\n');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('Ascend 910B');
    expect(stdout).toMatch(/DISPUTED/);
    expect(stdout).toContain('Sources');
    expect(stdout).toContain('Unknown command /unknown');
    expect(stdout).toMatch(/don't answer that|couldn't find/);
  });
});
