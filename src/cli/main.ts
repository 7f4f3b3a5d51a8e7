import { Command, CommanderError } from 'commander';
import { describeError } from '../app/describe-error.js';
import { debugEnabled } from '../config/debug-enabled.js';
import { StorydeskError } from '../core/errors.js';
import { UsageError } from './usage-error.js';
import { createCliContext } from './cli-context.js';
import { registerAskCommand } from './commands/ask.js';
import { registerDigestCommand } from './commands/digest.js';
import { registerDiscordRegisterCommand } from './commands/discord-register.js';
import { registerIngestCommand } from './commands/ingest.js';
import { registerSearchCommand } from './commands/search.js';
import { registerStanceCommand } from './commands/stance.js';
import { registerStoriesCommands } from './commands/stories.js';

async function main(argv: string[]): Promise<void> {
  const context = createCliContext();
  const program = new Command()
    .name('storydesk')
    .description('Ask questions about a news corpus and get cited, dispute-aware answers.')
    .option('--verbose', 'print the stack of an unexpected error')
    // One line, not the whole help: the error already says what is wrong.
    .configureOutput({ outputError: (text, write) => write(`storydesk: ${text.trim().replace(/^error: /, '')} (add --help for usage)\n`) })
    .exitOverride();
  registerIngestCommand(program, context);
  registerSearchCommand(program, context);
  registerAskCommand(program, context);
  registerStoriesCommands(program, context);
  registerDigestCommand(program, context);
  registerStanceCommand(program);
  registerDiscordRegisterCommand(program, context);
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Commander has printed its message; help and --version are not errors, anything else is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
    return;
  }
  process.stderr.write(`storydesk: ${describeError(error, process.argv.includes('--verbose') || debugEnabled())}\n`);
  process.exitCode = exitCodeOf(error);
});

/** 2 for a command line to fix, 75 (EX_TEMPFAIL: try again later) when another process holds the data folder, else 1. */
function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (error instanceof StorydeskError && error.code === 'config_invalid') return 2;
  if (error instanceof StorydeskError && error.code === 'STORE_LOCKED') return 75;
  return 1;
}
