import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function runScript(script: string, args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('script options', () => {
  it('stops the stance training at a mistyped option, naming it, before any work', () => {
    const result = runScript('research/train-stance.ts', ['--fixd']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("train-stance.ts: Unknown option '--fixd'");
    expect(result.stdout).toBe('');
  });

  it('refuses an option the stance evaluation does not have, and a value-less --sample', () => {
    const typo = runScript('scripts/eval-stance.ts', ['--smaple', '300']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--smaple'");
    const missing = runScript('scripts/eval-stance.ts', ['--sample']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("Option '--sample <value>' argument missing");
  });
});
