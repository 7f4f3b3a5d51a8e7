import type { Logger } from '../../app/logger.js';
import type { Coordination } from '../../core/coordination.js';
import { RecentKeys } from '../recent-keys.js';

/** Decides whether a Slack event delivery is the first one, so each message is answered once. */
export type SlackDeliveryGate = (delivery: { eventId: string | undefined; messageKey: string }) => Promise<boolean>;

/**
 * Slack redelivers an event it thinks failed (a retry), an operator may replay events, and with several
 * replicas behind one Events URL (or several Socket Mode connections) the copies reach different processes.
 * This process's recent messages are checked first (no round trip); then the event id is recorded where every
 * replica sharing the storage sees it (`Coordination.firstDelivery`). If that record cannot be written the
 * message is answered anyway: a rare double answer beats silence.
 */
export function slackDeliveryGate(coordination: Coordination | undefined, logger: Logger): SlackDeliveryGate {
  const recent = new RecentKeys();
  return async ({ eventId, messageKey }) => {
    if (!recent.add(messageKey)) {
      logger.debug({ messageKey, eventId }, 'Slack event already handled here; skipped');
      return false;
    }
    if (coordination === undefined || eventId === undefined) return true;
    let first: boolean;
    try {
      first = await coordination.firstDelivery(`slack:event:${eventId}`);
    } catch (error) {
      logger.warn({ err: error, eventId }, 'Could not record the Slack event as handled; answering it anyway');
      return true;
    }
    if (!first) logger.debug({ messageKey, eventId }, 'Slack event already handled by another replica; skipped');
    return first;
  };
}
