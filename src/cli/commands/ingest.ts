import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';

/** `ingest --corpus PATH [--corpus PATH ...] [--data DIR] [--json] [--wait]` */
export function registerIngestCommand(program: Command, context: CliContext): void {
  program
    .command('ingest')
    .description('Index articles from files or folders (.md, .txt, .html, .json, .jsonl); unchanged files are skipped')
    .option('--corpus <path>', 'a file or folder to ingest (repeatable)', collect, [])
    .option('--data <dir>', 'data directory (default: $STORYDESK_DATA_DIR or ./data)')
    .option('--json', 'print the report as JSON')
    .option('--wait', 'when another process is writing to the data folder, wait for it instead of stopping')
    .action(async (options: { corpus: string[]; data?: string; json?: boolean; wait?: boolean }) => {
      if (options.corpus.length === 0) throw new UsageError('Give at least one --corpus PATH (a file or folder of articles) to ingest.');
      const storydesk = await context.open(options.data, { writer: { wait: options.wait === true } });
      // Loaded here, not at start-up: other commands never draw a progress bar.
      const { progressReporter } = await import('../progress.js');
      const progress = progressReporter('Ingesting');
      try {
        const started = performance.now();
        const report = await storydesk.ingest(options.corpus, progress.update);
        progress.stop();
        const seconds = (performance.now() - started) / 1000;
        const { added, updated, unchanged, removed, skipped } = report;
        if (options.json) {
          context.print(JSON.stringify({ added, updated, unchanged, removed, skipped }));
        } else {
          context.print(`Added ${added}, updated ${updated}, unchanged ${unchanged}, removed ${removed} (${report.passages} passages, ${report.embedded} embedded) in ${seconds.toFixed(1)} s.`);
          if (skipped.length > 0) {
            context.print(`Skipped ${skipped.length}:`);
            for (const item of skipped) context.print(`  - ${item.path}: ${item.reason}`);
          }
        }
        // Non-zero only when the input held nothing usable at all.
        if (added + updated + unchanged === 0 && removed === 0) process.exitCode = 2;
      } finally {
        progress.stop();
        await storydesk.close();
      }
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
