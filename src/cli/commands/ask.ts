import type { Command } from 'commander';
import { z } from 'zod';
import type { Answer } from '../../core/answer.js';
import { renderAnswerForTerminal } from '../../channels/terminal/render-answer.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';
import { readJsonl } from '../read-jsonl.js';
import { runGuarded } from '../run-guarded.js';

const questionLine = z.object({ id: z.union([z.string(), z.number()]), question: z.string() });

/** `ask "question" [--json]` or `ask --queries FILE.jsonl --json` */
export function registerAskCommand(program: Command, context: CliContext): void {
  program
    .command('ask')
    .description('Answer a question from the indexed articles, with citations and disputed claims marked')
    .argument('[question]', 'the question')
    .option('--queries <file>', 'JSONL file of {"id","question"} lines; prints one JSON line per input line')
    .option('--data <dir>', 'data directory (default: $STORYDESK_DATA_DIR or ./data)')
    .option('--json', 'print JSON')
    .action(async (question: string | undefined, options: { queries?: string; data?: string; json?: boolean }) => {
      if (!question && !options.queries) throw new UsageError('Give a question in quotes, or --queries FILE.jsonl.');
      const storydesk = await context.open(options.data, { stories: false, mustExist: true });
      try {
        if (options.queries) {
          for await (const line of readJsonl(options.queries)) {
            const parsed = 'error' in line ? null : questionLine.safeParse(line.value);
            if (!parsed?.success) {
              const reason = 'error' in line ? line.error : `line ${line.line}: expected {"id","question"}`;
              context.print(JSON.stringify({ id: null, error: reason }));
              continue;
            }
            const { id, question: text } = parsed.data;
            const result = await runGuarded(() => storydesk.ask(text));
            context.print(JSON.stringify('error' in result ? { id, question: text, error: result.error } : answerJson(id, result.value)));
          }
          return;
        }
        const answer = await storydesk.ask(question ?? '');
        context.print(options.json ? JSON.stringify(answerJson(null, answer)) : renderAnswerForTerminal(answer, { color: process.stdout.isTTY === true }));
      } finally {
        await storydesk.close();
      }
    });
}

/** The contract shape of an answer on the command line. */
export function answerJson(id: string | number | null, answer: Answer): Record<string, unknown> {
  return {
    id,
    question: answer.question,
    answer: answer.answer,
    abstained: answer.abstained,
    statements: answer.statements.map(({ text, citations, status }) => ({ text, citations, status })),
    citations: answer.citations.map(({ n, articleId, title, source, url, published, quote }) => ({ n, articleId, title, source, url, published, quote })),
    disputes: answer.disputes.map(({ claim, counter, kind, claimCitations, counterCitations }) => ({ claim, counter, kind, claimCitations, counterCitations })),
    // Additive to the contract: present only when a later report from another outlet confirms a statement.
    ...(answer.confirmations?.length
      ? {
          confirmations: answer.confirmations.map(({ claim, confirmation, claimCitations, confirmationCitations }) => ({ claim, confirmation, claimCitations, confirmationCitations })),
        }
      : {}),
    ...(answer.notice ? { notice: answer.notice } : {}),
  };
}
