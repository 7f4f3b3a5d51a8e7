import { askCommand } from './ask-command.js';
import { CommandRegistry } from './command-registry.js';

/**
 * The commands storydesk offers on every platform. Slack, Discord and `npm run discord:register` all read
 * this one list: a new command is its own file plus one `register` line here (or a `register` call from
 * the composition root when the command needs services that only exist there).
 */
export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry().register(askCommand);
}
