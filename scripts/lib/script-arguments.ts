import { basename } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * `parseArgs` in strict mode for a script: an unknown or malformed option (a typo) prints one line naming it
 * and exits with status 2 before any work starts, instead of being ignored or ending in a stack trace.
 */
export function parseScriptArguments<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    // strict is parseArgs' default; no caller turns it off.
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    process.stderr.write(`${basename(process.argv[1] ?? 'script')}: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
