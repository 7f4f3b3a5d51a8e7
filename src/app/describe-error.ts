import { StorydeskError } from '../core/errors.js';

/**
 * The one line a user sees for an error that ended a command: our own errors say what is wrong and how to
 * fix it; anything else (a bug, an I/O failure) gives its message, with the stack only when asked for.
 */
export function describeError(error: unknown, verbose: boolean): string {
  if (!(error instanceof Error)) return String(error);
  if (verbose) return error.stack ?? error.message;
  if (error instanceof StorydeskError) return oneLine(error.message);
  const code = (error as NodeJS.ErrnoException).code;
  const hint = ' (run again with --verbose or DEBUG=1 for details)';
  return `${oneLine(error.message)}${code && !error.message.includes(code) ? ` [${code}]` : ''}${hint}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ').trim();
}
