/**
 * Memory at the end of each benchmark phase. The process's peak RSS only ever grows, so the phase during
 * which it grew is the phase that set it; `peakRssMb` after each phase attributes the final peak.
 */
export interface PhaseMemoryRecord {
  phase: string;
  /** Peak RSS of the whole process (all threads) so far. */
  peakRssMb: number;
  /** RSS now. */
  rssMb: number;
  heapUsedMb: number;
  /** Memory held outside the JS heap by ArrayBuffers and native objects V8 knows of (not hnswlib's graph). */
  externalMb: number;
}

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

export class PhaseMemory {
  readonly records: PhaseMemoryRecord[] = [];

  /** Records memory as `phase` ends. */
  mark(phase: string): PhaseMemoryRecord {
    const usage = process.memoryUsage();
    const record = {
      phase,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rssMb: mb(usage.rss),
      heapUsedMb: mb(usage.heapUsed),
      externalMb: mb(usage.external),
    };
    this.records.push(record);
    console.error(`bench memory: ${JSON.stringify(record)}`);
    return record;
  }
}
