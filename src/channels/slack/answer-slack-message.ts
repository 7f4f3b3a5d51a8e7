import type { webApi } from '@slack/bolt';
import type { Logger } from '../../app/logger.js';
import type { ChannelHandler } from '../channel-handler.js';
import { userMessages } from '../user-messages.js';
import { renderSlackReply } from './render-slack-answer.js';
import { escapeMrkdwn, questionFromSlackText } from './slack-text.js';
import { fetchThreadHistory } from './slack-thread-history.js';

/** A mention or direct message, reduced to what answering it needs. */
export interface IncomingSlackMessage {
  channel: string;
  user: string;
  ts: string;
  threadTs?: string;
  text: string;
  /** A direct message: answered in place rather than in a new thread. */
  direct: boolean;
}

/** The bot's identity (from `auth.test`, via Bolt's context) and its collaborators. */
export interface SlackMessageContext {
  client: webApi.WebClient;
  handler: ChannelHandler;
  logger: Logger;
  botUserId: string | undefined;
  botId: string | undefined;
}

const WORKING_REACTION = 'eyes';

/**
 * Answers one mention or DM: 👀 while working, thread history for follow-ups, the answer posted in the
 * thread, the reaction removed. If Slack refuses the rendered answer, a plain message says so: the user
 * is never left without a reply.
 */
export async function answerSlackMessage(message: IncomingSlackMessage, context: SlackMessageContext): Promise<void> {
  const { client, logger } = context;
  const reacted = client.reactions
    .add({ channel: message.channel, timestamp: message.ts, name: WORKING_REACTION })
    .then(() => true)
    .catch((error: unknown) => {
      logger.warn({ err: error }, 'Could not add the working reaction (is reactions:write granted?)');
      return false;
    });
  const threadTs = message.direct ? message.threadTs : (message.threadTs ?? message.ts);
  try {
    const history =
      message.threadTs && message.threadTs !== message.ts
        ? await fetchThreadHistory(client, {
            channel: message.channel,
            threadTs: message.threadTs,
            beforeTs: message.ts,
            botUserId: context.botUserId,
            botId: context.botId,
            direct: message.direct,
          }).catch((error: unknown) => {
            logger.warn({ err: error }, 'Could not read the thread history; answering without it');
            return [];
          })
        : [];
    const reply = await context.handler.handleQuestion({
      platform: 'slack',
      channelId: message.channel,
      userId: message.user,
      ...(threadTs ? { threadId: threadTs } : {}),
      ...slackMessageTime(message.ts),
      text: questionFromSlackText(message.text, context.botUserId),
      history,
    });
    const rendered = renderSlackReply(reply);
    const target = { channel: message.channel, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false };
    try {
      await client.chat.postMessage({ ...target, text: rendered.text, blocks: rendered.blocks });
    } catch (error) {
      logger.error({ err: error }, 'Slack refused the rendered answer; posting a plain apology');
      await client.chat.postMessage({ ...target, text: escapeMrkdwn(userMessages.unexpectedFailure()) });
    }
  } finally {
    if (await reacted) {
      await client.reactions.remove({ channel: message.channel, timestamp: message.ts, name: WORKING_REACTION }).catch((error: unknown) => {
        logger.warn({ err: error }, 'Could not remove the working reaction');
      });
    }
  }
}

/** A Slack message timestamp ("1733412345.000200", seconds since the epoch) as the time the question was asked. */
function slackMessageTime(ts: string): { askedAt?: Date } {
  const seconds = Number(ts);
  return Number.isFinite(seconds) && seconds > 0 ? { askedAt: new Date(seconds * 1000) } : {};
}
