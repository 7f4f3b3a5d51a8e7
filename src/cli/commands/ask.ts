import type { Command } from 'commander';
import { z } from 'zod';
import type { Answer } from '../../core/answer.js';
import { renderAnswerForTerminal } from '../../channels/terminal/render-answer.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';
import { readJsonl } from '../read-jsonl.js';
import { runGuarded } from '../run-guarded.js';

/** A date ("2024-09-27", midnight UTC) or a date and time with its offset ("2024-09-27T18:00:00Z"). */
const askedAtSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((text) => new Date(text));
const questionLine = z.object({ id: z.union([z.string(), z.number()]), question: z.string(), asked_at: askedAtSchema.optional() });

/** `ask "question" [--json] [--asked-at TIME]` or `ask --queries FILE.jsonl --json` (lines may say their own `asked_at`) */
export function registerAskCommand(program: Command, context: CliContext): void {
  program
    .command('ask')
    .description('Answer a question from the indexed articles, with citations and disputed claims marked')
    .argument('[question]', 'the question')
    .option('--queries <file>', 'JSONL file of {"id","question"} lines; prints one JSON line per input line')
    .option('--data <dir>', 'data directory (default: $STORYDESK_DATA_DIR or ./data)')
    .option('--json', 'print JSON')
    .option('--asked-at <time>', 'when the question was asked (2024-09-27 or 2024-09-27T18:00:00Z): "this week" is judged against it, as on Slack and Discord')
    .action(async (question: string | undefined, options: { queries?: string; data?: string; json?: boolean; askedAt?: string }) => {
      if (!question && !options.queries) throw new UsageError('Give a question in quotes, or --queries FILE.jsonl.');
      const askedAt = options.askedAt === undefined ? undefined : parseAskedAt(options.askedAt);
      const storydesk = await context.open(options.data, { stories: false, mustExist: true });
      try {
        if (options.queries) {
          for await (const line of readJsonl(options.queries)) {
            const parsed = 'error' in line ? null : questionLine.safeParse(line.value);
            if (!parsed?.success) {
              const reason = 'error' in line ? line.error : `line ${line.line}: expected {"id","question"} and optionally "asked_at" (2024-09-27 or 2024-09-27T18:00:00Z)`;
              context.print(JSON.stringify({ id: null, error: reason }));
              continue;
            }
            const { id, question: text, asked_at: lineAskedAt } = parsed.data;
            const when = lineAskedAt ?? askedAt;
            const result = await runGuarded(() => storydesk.ask(text, when ? { askedAt: when } : {}));
            context.print(JSON.stringify('error' in result ? { id, question: text, error: result.error } : answerJson(id, result.value)));
          }
          return;
        }
        const answer = await storydesk.ask(question ?? '', askedAt ? { askedAt } : {});
        context.print(options.json ? JSON.stringify(answerJson(null, answer)) : renderAnswerForTerminal(answer, { color: process.stdout.isTTY === true }));
      } finally {
        await storydesk.close();
      }
    });
}

function parseAskedAt(text: string): Date {
  const parsed = askedAtSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`--asked-at takes a date (2024-09-27) or a date and time with its offset (2024-09-27T18:00:00Z), not "${text}".`);
  return parsed.data;
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
