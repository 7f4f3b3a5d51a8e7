import type { Command } from 'commander';
import { UsageError } from '../usage-error.js';
import { z } from 'zod';
import type { Stance } from '../../core/stance.js';
import { loadStanceClassifier } from '../../disputes/stance-classifier.js';
import { type JsonlLine, readJsonl } from '../read-jsonl.js';

const pairLine = z.object({
  id: z.union([z.string(), z.number()]),
  claim: z.string(),
  text: z.string(),
});

/** Where the command writes its lines; tests pass their own. */
export interface StanceCommandOptions {
  /** Writes one line; may return a promise to apply backpressure. @default process.stdout with drain */
  write?: (line: string) => void | Promise<void>;
}

/** Writes to stdout and waits for the pipe to drain when it is full, so long outputs stream in bounded memory. */
async function writeStdout(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}

function idOf(line: JsonlLine): string | number | null {
  if ('error' in line) return null;
  const value = line.value;
  if (value && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return id;
  }
  return null;
}

/**
 * `stance --pairs FILE.jsonl --json`: reads {"id","claim","text"} lines and prints one {"id","stance"} line per
 * pair, in input order, as it goes. A line that cannot be read gets {"id", "stance":"unrelated", "error"} and
 * the run continues. `stance --claim "…" --text "…"` judges one pair.
 */
export function registerStanceCommand(program: Command, commandOptions: StanceCommandOptions = {}): void {
  const write = commandOptions.write ?? writeStdout;
  program
    .command('stance')
    .description('Judge how texts stand towards claims (agree / disagree / discuss / unrelated), offline')
    .option('--pairs <file>', 'JSONL file of {"id","claim","text"} lines; prints one JSON line per pair, in order')
    .option('--claim <claim>', 'a single claim (with --text)')
    .option('--text <text>', 'a single text to judge against --claim')
    .option('--json', 'print JSON lines')
    .action(async (options: { pairs?: string; claim?: string; text?: string; json?: boolean }) => {
      if (!options.pairs && (options.claim === undefined || options.text === undefined)) {
        throw new UsageError('Give --pairs FILE.jsonl, or --claim "…" and --text "…".');
      }
      const classifier = loadStanceClassifier();
      const emit = (id: string | number | null, stance: Stance, error?: string) =>
        write(
          options.json ? JSON.stringify(error === undefined ? { id, stance } : { id, stance, error }) : `${id ?? ''}\t${stance}${error ? `\t${error}` : ''}`,
        );
      if (!options.pairs) {
        await emit(
          null,
          classifier.classifyOne({
            claim: options.claim ?? '',
            text: options.text ?? '',
          }),
        );
        return;
      }
      for await (const line of readJsonl(options.pairs)) {
        const parsed = 'error' in line ? null : pairLine.safeParse(line.value);
        if (!parsed?.success) {
          const reason = 'error' in line ? line.error : `line ${line.line}: expected {"id","claim","text"} with string claim and text`;
          await emit(idOf(line), 'unrelated', reason);
          continue;
        }
        await emit(
          parsed.data.id,
          classifier.classifyOne({
            claim: parsed.data.claim,
            text: parsed.data.text,
          }),
        );
      }
    });
}
