import type { Logger } from '../../app/logger.js';
import type { Leadership } from '../../core/coordination.js';
import type { RunningPlatform } from '../chat-platform.js';

/** The role whose holder keeps the Discord gateway connection. */
export const DISCORD_GATEWAY_ROLE = 'discord-gateway';

export interface GatewayOwnerOptions {
  leadership: Leadership;
  /** Opens the gateway connection; rejects when it cannot. */
  connect: () => Promise<RunningPlatform>;
  logger: Logger;
  /** Wait before connecting again after a failed connect while leading. @default 30000 */
  retryMs?: number;
}

/**
 * Discord delivers each interaction to one gateway session per bot token, so replicas must not each connect:
 * the holder of the discord-gateway role connects, the others stand by and connect when they take the role
 * over (the holder stopped, died or lost its database connection); a holder that loses the role disconnects.
 * A first connect that fails rejects, as without replicas (a bad token is a start-up error); a later one is
 * retried while this process leads.
 */
export async function ownDiscordGateway(options: GatewayOwnerOptions): Promise<RunningPlatform> {
  const { leadership, logger } = options;
  let connection: RunningPlatform | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let steps: Promise<void> = Promise.resolve();

  /** Brings the connection in line with the role, one step at a time (the role may flip while connecting). */
  const follow = (): void => {
    steps = steps.then(async () => {
      if (stopped) return;
      if (leadership.leading && connection === undefined) {
        try {
          connection = await options.connect();
          logger.info('This replica took over the Discord gateway');
        } catch (error) {
          logger.error({ err: error }, 'Could not connect to the Discord gateway after taking it over; trying again');
          clearTimeout(retry);
          retry = setTimeout(follow, options.retryMs ?? 30_000);
          retry.unref();
        }
      } else if (!leadership.leading && connection !== undefined) {
        const closing = connection;
        connection = undefined;
        await closing.stop().catch((error: unknown) => logger.warn({ err: error }, 'Closing the Discord gateway connection failed'));
        logger.warn('This replica lost the Discord gateway role (its database connection dropped); disconnected');
      }
    });
  };

  if (leadership.leading) {
    try {
      connection = await options.connect();
    } catch (error) {
      await leadership.release();
      throw error;
    }
  } else {
    logger.info('Discord standby: another replica holds the gateway connection');
  }
  const unsubscribe = leadership.onChange(follow);
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(retry);
      await steps;
      await connection?.stop();
      connection = undefined;
      await leadership.release();
    },
  };
}
