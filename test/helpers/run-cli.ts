import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

/** What a finished process left behind. */
export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A CLI (or bot) process started from the repository, its output collected. */
export interface RunningProcess {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  exited: Promise<ProcessResult>;
}

/** Starts `src/cli/main.ts ARGS` (or another entry) as a real process, with only the given environment. */
export function startProcess(args: string[], environment: Record<string, string> = {}, entry = 'src/cli/main.ts'): RunningProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...environment },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<ProcessResult>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Runs the CLI to the end. */
export function runCli(args: string[], environment: Record<string, string> = {}): Promise<ProcessResult> {
  return startProcess(args, environment).exited;
}
