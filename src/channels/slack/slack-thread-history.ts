import type { webApi } from '@slack/bolt';
import type { ConversationTurn } from '../../core/answer.js';
import { questionFromSlackText } from './slack-text.js';

/** Which thread to read and how to recognise the bot's own messages in it. */
export interface ThreadHistoryRequest {
  channel: string;
  threadTs: string;
  /** Only messages before this one (the question being answered) count as history. */
  beforeTs: string;
  botUserId: string | undefined;
  botId: string | undefined;
  /** In a direct message every human message is addressed to the bot, mention or not. */
  direct: boolean;
  /** Most recent turns kept. @default 6 */
  maxTurns?: number;
}

/**
 * Reads a thread's earlier questions and the bot's answers with `conversations.replies`. Read from Slack
 * rather than kept in memory so follow-ups still work after a restart and across several bot processes.
 */
export async function fetchThreadHistory(client: webApi.WebClient, request: ThreadHistoryRequest): Promise<ConversationTurn[]> {
  const result = await client.conversations.replies({ channel: request.channel, ts: request.threadTs, limit: 100 });
  const turns: ConversationTurn[] = [];
  for (const message of result.messages ?? []) {
    if (!message.ts || Number(message.ts) >= Number(request.beforeTs) || !message.text) continue;
    const fromBot = (request.botId !== undefined && message.bot_id === request.botId) || (request.botUserId !== undefined && message.user === request.botUserId);
    if (fromBot) {
      turns.push({ role: 'assistant', text: questionFromSlackText(message.text, undefined) });
    } else if (!message.bot_id && !('subtype' in message && message.subtype)) {
      const addressed = request.direct || (request.botUserId !== undefined && message.text.includes(`<@${request.botUserId}>`));
      if (addressed) turns.push({ role: 'user', text: questionFromSlackText(message.text, request.botUserId) });
    }
  }
  return turns.slice(-(request.maxTurns ?? 6));
}
