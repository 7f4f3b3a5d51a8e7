import type { ChatPlatform } from '../chat-platform.js';
import { runTerminalChat } from './terminal-chat.js';

/**
 * The terminal: the chat `npm start` falls back to when no other platform is configured, so it never counts
 * as configured beside them. Its id is what the CLI files subscriptions under; it posts no digests (the
 * `digest` command prints them).
 */
export const terminalPlatform: ChatPlatform<'cli'> = {
  id: 'cli',
  name: 'Terminal',
  isConfigured: () => false,
  /** Answers each line of standard input until it ends (Ctrl+D, /quit, or the end of piped input). */
  start: async ({ assistant }) => {
    await runTerminalChat({ assistant, input: process.stdin, output: process.stdout, interactive: process.stdin.isTTY === true });
    return { stop: async () => undefined };
  },
  digestSink: () => null,
};
