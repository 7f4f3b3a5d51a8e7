import { Command, CommanderError } from 'commander';
import { StorydeskError, UserFacingError } from '../core/errors.js';
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
    .showHelpAfterError()
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
    process.exitCode = error.exitCode;
    return;
  }
  const message = error instanceof UserFacingError || error instanceof StorydeskError ? error.message : (error as Error).stack ?? String(error);
  process.stderr.write(`storydesk: ${message}\n`);
  process.exitCode = 1;
});
