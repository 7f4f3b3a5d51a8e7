import { readFileSync } from 'node:fs';

/** Errors (pino level 50 and up) the replicas logged, grouped by message and error, most frequent first. */
export function replicaLogErrors(logFiles: string[]): Array<{ count: number; what: string }> {
  const counts = new Map<string, number>();
  for (const file of logFiles) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((entry.level ?? 0) < 50) continue;
        const what = `${entry.msg ?? '?'}${entry.err?.message ? `: ${entry.err.message}` : ''}`.slice(0, 200);
        counts.set(what, (counts.get(what) ?? 0) + 1);
      } catch {
        // Not a log line.
      }
    }
  }
  return [...counts].map(([what, count]) => ({ count, what })).sort((left, right) => right.count - left.count);
}
