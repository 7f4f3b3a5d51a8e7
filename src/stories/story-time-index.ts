import type { StoryCluster } from './story-cluster.js';

const DAY_MS = 86_400_000;
/** Stories spanning more days than this sit in one list scanned for every article, not in that many day buckets. */
const MAX_BUCKETED_DAYS = 62;

type Registration = { kind: 'days'; first: number; last: number } | { kind: 'always' };

/**
 * Stories by the days their articles were published, so clustering can find the stories close enough in time
 * to an article without walking every story. Stories without a dated article (no time penalty applies to them)
 * and stories spanning many days are always returned.
 */
export class StoryTimeIndex {
  /** Arrays rather than sets: they are walked for every placed article, and a day holds a few dozen stories. */
  readonly #byDay = new Map<number, StoryCluster[]>();
  readonly #always = new Set<StoryCluster>();
  readonly #registered = new Map<StoryCluster, Registration>();

  /** Re-files a story after its articles changed (call after every add or remove). */
  update(cluster: StoryCluster): void {
    const range = cluster.size > 0 ? cluster.publishedRange() : null;
    const next = cluster.size === 0 ? null : registrationFor(range);
    const previous = this.#registered.get(cluster);
    if (sameRegistration(previous, next)) return;
    if (previous) this.#unfile(cluster, previous);
    if (next) this.#file(cluster, next);
  }

  /** Forgets a story (it was deleted). */
  delete(cluster: StoryCluster): void {
    const previous = this.#registered.get(cluster);
    if (previous) this.#unfile(cluster, previous);
  }

  /**
   * Visits every story with an article published within `gapDays` of `time` (epoch ms), plus the undated and
   * long-running stories; may visit a few more (whole days are compared), and a story filed under several of
   * those days once for each (the caller skips repeats). Visiting rather than collecting into a set: it runs
   * for every placed article, over a few hundred stories.
   */
  forEachNear(time: number, gapDays: number, visit: (cluster: StoryCluster) => void): void {
    for (const cluster of this.#always) visit(cluster);
    const first = Math.floor((time - gapDays * DAY_MS) / DAY_MS);
    const last = Math.floor((time + gapDays * DAY_MS) / DAY_MS);
    for (let day = first; day <= last; day += 1) {
      const stories = this.#byDay.get(day);
      if (stories) for (let index = 0; index < stories.length; index += 1) visit(stories[index] as StoryCluster);
    }
  }

  #file(cluster: StoryCluster, registration: Registration): void {
    this.#registered.set(cluster, registration);
    if (registration.kind === 'always') {
      this.#always.add(cluster);
      return;
    }
    for (let day = registration.first; day <= registration.last; day += 1) {
      const stories = this.#byDay.get(day);
      if (!stories) this.#byDay.set(day, [cluster]);
      else if (!stories.includes(cluster)) stories.push(cluster);
    }
  }

  #unfile(cluster: StoryCluster, registration: Registration): void {
    this.#registered.delete(cluster);
    if (registration.kind === 'always') {
      this.#always.delete(cluster);
      return;
    }
    for (let day = registration.first; day <= registration.last; day += 1) {
      const stories = this.#byDay.get(day);
      const position = stories?.indexOf(cluster) ?? -1;
      if (position >= 0) stories?.splice(position, 1);
      if (stories?.length === 0) this.#byDay.delete(day);
    }
  }
}

function registrationFor(range: { first: number; last: number } | null): Registration {
  if (range === null) return { kind: 'always' };
  const first = Math.floor(range.first / DAY_MS);
  const last = Math.floor(range.last / DAY_MS);
  return last - first >= MAX_BUCKETED_DAYS ? { kind: 'always' } : { kind: 'days', first, last };
}

function sameRegistration(a: Registration | undefined, b: Registration | null): boolean {
  if (a === undefined || b === null) return a === undefined && b === null;
  if (a.kind === 'always' || b.kind === 'always') return a.kind === b.kind;
  return a.first === b.first && a.last === b.last;
}
