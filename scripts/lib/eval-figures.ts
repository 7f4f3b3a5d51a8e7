/** Figures read back from `npm run eval`'s printed report (the benchmark runs it as a user does, in its own process). */
export interface EvalFigures {
  /** Hybrid MRR@10 over every answerable question (the first retrieval table). */
  mrrAll: number;
  /** Hybrid MRR@10 on the development split of the questions. */
  mrrDev: number;
  askP50: number;
  askP95: number;
}

/** NaN for a figure the report does not hold. */
export function parseEvalFigures(output: string): EvalFigures {
  const tableRow = /^\| hybrid \| [\d.]+ \| [\d.]+ \| [\d.]+ \| ([\d.]+) \|$/m.exec(output);
  const devLine = /^\s*hybrid: MRR@10 dev ([\d.]+)/m.exec(output);
  const latency = /^\| ask latency p50 \/ p95 \| ([\d.]+) ms \/ ([\d.]+) ms \|$/m.exec(output);
  const number = (text: string | undefined): number => (text === undefined ? Number.NaN : Number(text));
  return { mrrAll: number(tableRow?.[1]), mrrDev: number(devLine?.[1]), askP50: number(latency?.[1]), askP95: number(latency?.[2]) };
}
