import { execFile, execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function lastJsonLine<T>(output: string): T {
  const lastLine = output.trim().split('\n').pop() ?? '{}';
  return JSON.parse(lastLine) as T;
}

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
  return lastJsonLine<T>(output);
}

/** `runScriptForJson` without blocking this process, so it can sample other processes' memory meanwhile. */
export function runScriptForJsonAsync<T>(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return runScriptAsync(script, args, env).then((output) => lastJsonLine<T>(output));
}

/** Runs a TypeScript script in a fresh Node process; resolves with its standard output. Its errors go to ours. */
export function runScriptAsync(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((done, fail) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', resolve(ROOT, script), ...args],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env },
      (error, stdout) => (error ? fail(error) : done(stdout)),
    );
    child.stderr?.pipe(process.stderr);
  });
}
