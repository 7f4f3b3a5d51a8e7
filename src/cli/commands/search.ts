import type { Command } from 'commander';
import { z } from 'zod';
import type { SearchHit } from '../../core/search.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';
import { parsePositiveInt } from '../parse-options.js';
import { type JsonlLine, readJsonl } from '../read-jsonl.js';
import { runGuarded } from '../run-guarded.js';

const queryLine = z.object({ id: z.union([z.string(), z.number()]), query: z.string() });

/** `search "query" [--k 10] [--json]` or `search --queries FILE.jsonl --json` */
export function registerSearchCommand(program: Command, context: CliContext): void {
  program
    .command('search')
    .description('Find the passages that best match a query (hybrid BM25 + vector search)')
    .argument('[query]', 'what to search for')
    .option('--queries <file>', 'JSONL file of {"id","query"} lines; prints one JSON line per input line')
    .option('--k <n>', 'number of results', parsePositiveInt, 10)
    .option('--data <dir>', 'data directory (default: $STORYDESK_DATA_DIR or ./data)')
    .option('--json', 'print JSON')
    .action(async (query: string | undefined, options: { queries?: string; k: number; data?: string; json?: boolean }) => {
      if (!query && !options.queries) throw new UsageError('Give a query in quotes, or --queries FILE.jsonl.');
      const storydesk = await context.open(options.data, { stories: false, mustExist: true });
      try {
        if (options.queries) {
          for await (const line of readJsonl(options.queries)) {
            const parsed = 'error' in line ? null : queryLine.safeParse(line.value);
            if (!parsed?.success) {
              const reason = 'error' in line ? line.error : `line ${line.line}: expected {"id","query"}`;
              context.print(JSON.stringify({ id: idOf(line), results: [], error: reason }));
              continue;
            }
            const { id, query: text } = parsed.data;
            const result = await runGuarded(() => storydesk.search(text, { k: options.k }));
            context.print(JSON.stringify({ id, ...('error' in result ? { results: [], error: result.error } : { results: result.value.map(toJson) }) }));
          }
          return;
        }
        const hits = await storydesk.search(query ?? '', { k: options.k });
        if (options.json) {
          context.print(JSON.stringify({ id: null, query, results: hits.map(toJson) }));
          return;
        }
        if (hits.length === 0) context.print('No matching passages.');
        hits.forEach((hit, index) => {
          const meta = [hit.article.source, hit.article.published?.slice(0, 10)].filter(Boolean).join(', ');
          context.print(`${index + 1}. ${hit.article.title}${meta ? ` — ${meta}` : ''}  (score ${hit.score.toFixed(4)})`);
          context.print(`   ${hit.passage.text.replace(/\s+/g, ' ').slice(0, 300)}`);
        });
      } finally {
        await storydesk.close();
      }
    });
}

function toJson(hit: SearchHit): { articleId: string; title: string; passage: string; score: number } {
  return { articleId: hit.article.id, title: hit.article.title, passage: hit.passage.text, score: Number(hit.score.toFixed(6)) };
}

function idOf(line: JsonlLine): unknown {
  const value = 'value' in line ? line.value : null;
  return value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : null;
}
