import type { Answer, ConversationTurn } from '../core/answer.js';
import type { PlatformId } from './chat-platforms.js';

/** Which chat platform a question came from. */
export type Platform = PlatformId;

/** Where a message was posted and by whom, in platform ids. */
export interface ChannelOrigin {
  platform: Platform;
  channelId: string;
  userId: string;
  /** The thread the question belongs to, when the platform has threads. */
  threadId?: string;
  /** When the message was sent, by the platform's clock: "this week" in a question means the week of this date. */
  askedAt?: Date;
}

/** A question from any platform, stripped of mentions and platform escaping. */
export interface ChannelQuestion extends ChannelOrigin {
  text: string;
  /** Earlier turns of the same thread, oldest first. */
  history: ConversationTurn[];
}

/** How a plain message should be shown: an `error` is meant only for the asker where the platform allows. */
export type MessageTone = 'info' | 'error';

/** What a channel should post back; renderers turn it into blocks, embeds or text. */
export type ChannelReply =
  | { kind: 'answer'; answer: Answer }
  | {
      kind: 'message';
      /** Plain text; renderers escape it, so it may contain anything. */
      text: string;
      tone: MessageTone;
    };

/** A plain-words reply meant for everyone in the conversation. */
export function infoReply(text: string): ChannelReply {
  return { kind: 'message', text, tone: 'info' };
}

/** A plain-words reply about something that went wrong or was refused. */
export function errorReply(text: string): ChannelReply {
  return { kind: 'message', text, tone: 'error' };
}
