import { randomUUID } from 'node:crypto';
import { postSlackEvent, slackSignatureHeaders } from '../../test/fakes/slack-signed-request.js';
import type { DeliveredEvent } from './replica-soak-tally.js';

/** The channel soak questions are asked in (digest channels are others). */
export const SOAK_ASK_CHANNEL = 'CSOAKASK';

/**
 * Delivers Slack Events API `app_mention` events over HTTP, signed as Slack signs them, each one to several
 * replicas with the same event_id (the second as Slack's retry), as Slack does when a first delivery is slow or
 * lands on a replica that dies: storydesk must answer each event once.
 */
export class SoakSlackEvents {
  readonly delivered: DeliveredEvent[] = [];
  /** Deliveries that did not get HTTP 200 (a replica starting or just killed). */
  failedDeliveries = 0;
  readonly #secret: string;
  #sequence = 0;

  constructor(secret: string) {
    this.#secret = secret;
  }

  /** Sends one new event to every port in `ports` (at once), and records how many took it. */
  async deliver(ports: number[], question: string): Promise<void> {
    this.#sequence += 1;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(this.#sequence).padStart(6, '0')}`;
    const eventId = `EvSoak${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const body = JSON.stringify({
      token: 'verification-token',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', user: `USOAK${this.#sequence % 7}`, text: `<@UBOT> ${question}`, ts, event_ts: ts, channel: SOAK_ASK_CHANNEL },
    });
    const statuses = await Promise.all(
      ports.map((port, attempt) => {
        const retry: Record<string, string> = attempt === 0 ? {} : { 'x-slack-retry-num': String(attempt), 'x-slack-retry-reason': 'http_timeout' };
        return postSlackEvent(`http://127.0.0.1:${port}/slack/events`, body, { ...slackSignatureHeaders(this.#secret, body), ...retry }).catch(() => 0);
      }),
    );
    const accepted = statuses.filter((status) => status === 200).length;
    this.failedDeliveries += statuses.length - accepted;
    if (accepted > 0) this.delivered.push({ ts, deliveries: accepted });
  }
}
