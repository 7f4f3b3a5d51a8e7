import { UserFacingError } from '../../core/errors.js';
import type { ChannelCommand, CommandRegistry } from '../command-registry.js';

/** A command without its handler: enough to publish it as a Discord slash command. */
export type ChannelCommandShape = Omit<ChannelCommand, 'handler'>;

/**
 * Registers command shapes whose handlers refuse politely, for processes that only list commands
 * (`npm run discord:register`) and have no story services; the bot registers the working commands.
 */
export function registerCommandShapes(registry: CommandRegistry, shapes: ChannelCommandShape[]): CommandRegistry {
  for (const shape of shapes) {
    registry.register({
      ...shape,
      handler: async () => {
        throw new UserFacingError('command_unavailable', `/${shape.name} is not available here; ask the running bot.`);
      },
    });
  }
  return registry;
}
