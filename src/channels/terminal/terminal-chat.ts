import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ConversationTurn } from '../../core/answer.js';
import type { Assistant } from '../../core/assistant.js';
import { UserFacingError } from '../../core/errors.js';
import { renderAnswerForTerminal } from './render-answer.js';

export interface TerminalChatOptions {
  assistant: Assistant;
  input: Readable;
  output: Writable;
  /** Interactive: show a prompt and colours. Piped input answers each line and ends at end of input. */
  interactive: boolean;
}

const HELP = 'Ask a question about the indexed news, e.g. "Is ByteDance training an AI model on Huawei chips?". Commands: /new (forget the conversation), /quit.';

/** A chat in the terminal: each line is a question; follow-ups see the conversation so far. */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { assistant, output, interactive } = options;
  const lines = createInterface({ input: options.input, ...(interactive ? { output, prompt: 'you> ' } : {}), terminal: interactive });
  let history: ConversationTurn[] = [];
  if (interactive) {
    output.write(`storydesk — ${HELP}\n\n`);
    lines.prompt();
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line === '/new') {
      history = [];
    } else if (line === '/help' || line === '?') {
      output.write(`${HELP}\n`);
    } else if (line.startsWith('/')) {
      output.write(`Unknown command ${line.split(/\s+/)[0]}. ${HELP}\n`);
    } else if (line.length > 0) {
      try {
        const answer = await assistant.ask(line, { history });
        output.write(`${renderAnswerForTerminal(answer, { color: interactive })}\n\n`);
        history = [...history, { role: 'user' as const, text: line }, { role: 'assistant' as const, text: answer.answer }].slice(-6);
      } catch (error) {
        if (!(error instanceof UserFacingError)) throw error;
        output.write(`${error.message}\n\n`);
      }
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}
