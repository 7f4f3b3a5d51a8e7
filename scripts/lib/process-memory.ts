import { readdirSync, readFileSync } from 'node:fs';

/** Memory of a set of processes, in MB: RSS counts shared pages (PostgreSQL's shared_buffers) once per process, PSS splits them. */
export interface ProcessTreeMemory {
  processes: number;
  rssMb: number;
  pssMb: number;
}

/** `Rss:` and `Pss:` of /proc/PID/smaps_rollup, in kB. */
export function parseSmapsRollup(text: string): { rssKb: number; pssKb: number } {
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return { rssKb: field('Rss'), pssKb: field('Pss') };
}

/** The parent pid in /proc/PID/stat (the command name, in brackets, may itself hold spaces and brackets). */
export function parseParentPid(statText: string): number {
  const afterName = statText.slice(statText.lastIndexOf(')') + 2);
  return Number(afterName.split(' ')[1]);
}

/** `root` and every descendant of it, from each process's parent pid. */
export function descendantsOf(root: number, parentOf: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), pid]);
  const found: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    found.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return found;
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process exited between listing and reading
  }
}

/** Sums RSS and PSS over `root` and its descendants (a PostgreSQL postmaster and its backends), from /proc. */
export function processTreeMemory(root: number): ProcessTreeMemory {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOrEmpty(`/proc/${name}/stat`);
    if (stat) parentOf.set(Number(name), parseParentPid(stat));
  }
  let rssKb = 0;
  let pssKb = 0;
  let processes = 0;
  for (const pid of descendantsOf(root, parentOf)) {
    const rollup = readOrEmpty(`/proc/${pid}/smaps_rollup`);
    if (!rollup) continue;
    const memory = parseSmapsRollup(rollup);
    rssKb += memory.rssKb;
    pssKb += memory.pssKb;
    processes += 1;
  }
  return { processes, rssMb: rssKb / 1024, pssMb: pssKb / 1024 };
}

/** Keeps the highest PSS and RSS sums of a process tree, sampled every `intervalMs` until `stop`. */
export class PeakTreeMemory {
  private peak: ProcessTreeMemory = { processes: 0, rssMb: 0, pssMb: 0 };
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly root: number,
    intervalMs = 250,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    const now = processTreeMemory(this.root);
    this.peak = {
      processes: Math.max(this.peak.processes, now.processes),
      rssMb: Math.max(this.peak.rssMb, now.rssMb),
      pssMb: Math.max(this.peak.pssMb, now.pssMb),
    };
  }

  stop(): ProcessTreeMemory {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}
