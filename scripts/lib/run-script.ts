import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs a TypeScript script in a fresh Node process and parses the JSON object on the last line of its output.
 * Each benchmark phase runs this way so the process's peak RSS belongs to that phase alone.
 */
export function runScriptForJson<T>(script: string, args: string[]): T {
  const output = execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lastLine = output.trim().split('\n').pop() ?? '{}';
  return JSON.parse(lastLine) as T;
}
