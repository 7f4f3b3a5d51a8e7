import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { StorydeskError } from '../core/errors.js';
import type { LabelHit, LabelVectorIndex } from './hnsw-label-index.js';
import { applyIndexOps, IndexOpQueue } from './hnsw-index-ops.js';
import {
  fileFingerprint,
  fileIdentity,
  type HnswIndexSidecar,
  labelsChecksum,
  readIndexSidecar,
  syncFile,
  verifyAgainstSidecar,
  writeIndexSidecar,
} from './hnsw-index-sidecar.js';
import { InsertWorker } from './hnsw-insert-worker-client.js';

/** Search-time options, valid for both new and loaded indexes. */
export interface HnswSearchOptions {
  /** Candidate list size at query time; hnswlib resets it to 10 on load, far too low for good recall. @default 100 */
  efSearch?: number;
  /** Called at save time; the value is recorded in the sidecar (the store generation the index matches). */
  generation?: () => number;
  /**
   * Once this many changes are waiting (a large ingest), graph building moves to a worker thread so it
   * overlaps the caller's work; the next search or save waits for it. `Infinity` keeps it on this thread.
   * @default 2048
   */
  workerAfter?: number;
  /**
   * A reader's view: loading never rewrites the sidecar and `save` writes nothing, so a process that only
   * answers questions cannot race the writer on the index files. @default false
   */
  readOnly?: boolean;
}

/** Options for a new index. */
export interface HnswCreateOptions extends HnswSearchOptions {
  /** File the index is saved to; its sidecar is `${path}.meta.json`. */
  path: string;
  /** Initial capacity; doubled whenever an add would overflow it. @default 1024 */
  capacity?: number;
  /** Graph degree. @default HnswVectorIndex.defaultM (16) */
  m?: number;
  /** Candidate list size while building. @default HnswVectorIndex.defaultEfConstruction (64) */
  efConstruction?: number;
  /** Seed for level assignment, so builds are reproducible. @default 100 */
  randomSeed?: number;
}

const maxLabel = 0xffffffff;

/**
 * An hnswlib-node HNSW index in cosine space whose labels are passage ids.
 * hnswlib keeps deleted points in place (markDelete), so live and deleted labels are tracked here.
 */
export class HnswVectorIndex implements LabelVectorIndex {
  /**
   * Graph degree of a new index. hnswlib's file records M and efConstruction, so an index saved with other
   * values keeps them when loaded and grown; only new (or rebuilt) indexes use these.
   */
  static readonly defaultM = 16;
  /**
   * Candidate list size while building a new index. 64 builds the 60,000-passage benchmark index about twice as
   * fast as 100 (the insert worker was the ingest's critical path) at the same ANN recall@10: built as an
   * ingest builds it, strict recall at search ef 100 was 0.980-0.990 over three level-assignment draws with 64
   * and 0.973-0.992 over four with 100 (research/bench-ann-sweep.ts; duplicate passages make it vary by draw).
   * LangChain's path builds with hnswlib-node's default of 200.
   */
  static readonly defaultEfConstruction = 64;
  readonly dimension: number;
  private readonly index: hnswlib.HierarchicalNSW;
  private readonly path: string;
  private readonly efSearch: number;
  private readonly generation: (() => number) | undefined;
  private readonly live: Set<number>;
  private readonly deleted: Set<number>;
  /** What the file on disk holds, when it is known to match memory: `save` then has nothing to write. */
  private saved: { generation: number | null } | null;
  /** Adds and removes not yet applied to `index`: applied on the next search or save, or posted to the worker. */
  private readonly pending: IndexOpQueue;
  private readonly workerAfter: number;
  private worker: InsertWorker | null = null;
  /** True while `index` holds exactly what the file at `path` holds, so a worker can start from that file. */
  private matchesFile: boolean;
  /** Set when the worker failed: its changes are lost, so this index refuses to search or save (reopen to rebuild). */
  private lostToWorker: string | null = null;
  private readonly readOnly: boolean;
  /** The copy a worker started from, removed once the worker is done. */
  private handover: string | null = null;

  private constructor(
    dimension: number,
    index: hnswlib.HierarchicalNSW,
    path: string,
    options: HnswSearchOptions,
    live: Set<number>,
    deleted: Set<number>,
    saved: { generation: number | null } | null = null,
  ) {
    this.dimension = dimension;
    this.index = index;
    this.path = path;
    this.efSearch = options.efSearch ?? 100;
    this.generation = options.generation;
    this.live = live;
    this.deleted = deleted;
    this.saved = saved;
    this.matchesFile = saved !== null;
    this.pending = new IndexOpQueue(dimension);
    this.workerAfter = options.workerAfter ?? 2048;
    this.readOnly = options.readOnly ?? false;
    this.index.setEf(this.efSearch);
  }

  /** Creates an empty index that will be saved to `options.path`. */
  static create(dimension: number, options: HnswCreateOptions): HnswVectorIndex {
    checkDimension(dimension);
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    index.initIndex({
      maxElements: Math.max(16, options.capacity ?? 1024),
      m: options.m ?? HnswVectorIndex.defaultM,
      efConstruction: options.efConstruction ?? HnswVectorIndex.defaultEfConstruction,
      randomSeed: options.randomSeed ?? 100,
    });
    return new HnswVectorIndex(dimension, index, options.path, options, new Set(), new Set());
  }

  /**
   * Loads a saved index. With a sidecar, the dimension is checked, and the file must be the one the sidecar
   * describes before native code reads it: the same file-system identity as when saved, or else the same size
   * and hash (throws `INDEX_CORRUPT` / `INDEX_DIMENSION_MISMATCH`). Without a sidecar the file is trusted.
   */
  static load(path: string, dimension: number, options: HnswSearchOptions = {}): HnswVectorIndex {
    const sidecar = HnswVectorIndex.checkBeforeLoad(path, dimension, options.readOnly ?? false);
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    try {
      index.readIndexSync(path);
    } catch (error) {
      throw new StorydeskError('INDEX_CORRUPT', `The index at ${path} could not be read.`, { cause: error });
    }
    return HnswVectorIndex.fromLoaded(index, path, dimension, options, sidecar);
  }

  /**
   * `load`, with the file read on libuv's thread pool: the checks run now (and throw now), and the caller can
   * do other start-up work before awaiting, which overlaps the read of a large index.
   */
  static loadAsync(path: string, dimension: number, options: HnswSearchOptions = {}): Promise<HnswVectorIndex> {
    const sidecar = HnswVectorIndex.checkBeforeLoad(path, dimension, options.readOnly ?? false);
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    return index.readIndex(path).then(
      () => HnswVectorIndex.fromLoaded(index, path, dimension, options, sidecar),
      (error: unknown) => {
        throw new StorydeskError('INDEX_CORRUPT', `The index at ${path} could not be read.`, { cause: error });
      },
    );
  }

  private static checkBeforeLoad(path: string, dimension: number, readOnly: boolean): HnswIndexSidecar | null {
    checkDimension(dimension);
    if (!existsSync(path)) throw new StorydeskError('INDEX_MISSING', `No vector index at ${path}.`);
    const sidecar = readIndexSidecar(path);
    if (sidecar !== null) {
      if (sidecar.dimension !== dimension) {
        throw new StorydeskError('INDEX_DIMENSION_MISMATCH', `The index at ${path} has ${sidecar.dimension} dimensions, not ${dimension}.`);
      }
      verifyAgainstSidecar(path, sidecar, { recordIdentity: !readOnly });
    }
    return sidecar;
  }

  private static fromLoaded(
    index: hnswlib.HierarchicalNSW,
    path: string,
    dimension: number,
    options: HnswSearchOptions,
    sidecar: HnswIndexSidecar | null,
  ): HnswVectorIndex {
    const all = index.getIdsList();
    const deleted = sidecar === null ? probeDeleted(index, all) : new Set(sidecar.deletedLabels);
    const live = new Set(all.filter((label) => !deleted.has(label)));
    // Without a sidecar the next save writes one; with one, an unchanged index need not be written again.
    const saved = sidecar === null ? null : { generation: sidecar.generation };
    return new HnswVectorIndex(dimension, index, path, options, live, deleted, saved);
  }

  count(): number {
    return this.live.size;
  }

  /** Live labels, ascending. */
  labels(): number[] {
    return [...this.live].sort((left, right) => left - right);
  }

  /** Slots held by deleted points; a rebuild reclaims them. */
  deletedCount(): number {
    return this.deleted.size;
  }

  /** True for a reader's view, which never writes its file. */
  get isReadOnly(): boolean {
    return this.readOnly;
  }

  /** The query-time candidate list size in effect. */
  get ef(): number {
    return this.index.getEf();
  }

  /** Adds a vector, or replaces the vector of a label already present (live or deleted). */
  add(label: number, vector: number[]): void {
    if (!Number.isInteger(label) || label < 0 || label > maxLabel) {
      throw new StorydeskError('INDEX_INVALID_LABEL', `Vector index labels are integers from 0 to ${maxLabel}; got ${label}.`);
    }
    this.checkVector(vector);
    this.pending.add(label, vector, this.live.has(label) || this.deleted.has(label));
    this.deleted.delete(label);
    this.live.add(label);
    this.saved = null;
    this.handOverPending();
  }

  /** Hides a label from searches; unknown or already removed labels are ignored. */
  remove(label: number): void {
    if (!this.live.has(label)) return;
    this.pending.remove(label);
    this.live.delete(label);
    this.deleted.add(label);
    this.saved = null;
    this.handOverPending();
  }

  /**
   * The `k` nearest live vectors by cosine similarity (1 − cosine distance), best first.
   * `accept` restricts the search to some labels inside hnswlib, so filtered searches still return k hits.
   */
  search(vector: number[], k: number, accept?: (label: number) => boolean): LabelHit[] {
    this.checkVector(vector);
    this.catchUp();
    // hnswlib throws when asked for more neighbours than it holds.
    const wanted = Math.min(Math.floor(k), this.live.size);
    if (wanted <= 0) return [];
    const result = accept === undefined ? this.index.searchKnn(vector, wanted) : this.index.searchKnn(vector, wanted, accept);
    return result.neighbors.map((label, position) => ({ label, similarity: 1 - (result.distances[position] ?? 1) }));
  }

  /**
   * Saves the index (temp file, fsync, rename) and then its sidecar, so readers never see a torn file.
   * Does nothing when the index is unchanged since it was loaded or saved and the store generation it would
   * record is the one already recorded (a question-only session writes nothing).
   */
  save(): void {
    if (this.readOnly) return;
    if (this.lostToWorker !== null) throw new StorydeskError('INDEX_WORKER_FAILED', this.lostToWorker);
    const generation = this.generation?.() ?? null;
    if (this.saved !== null && this.saved.generation === generation && existsSync(this.path)) return;
    mkdirSync(dirname(this.path), { recursive: true });
    // Unique per save: two processes (or a killed one's leftover) never write the same temp file.
    const temporary = temporaryPath(this.path);
    if (this.worker !== null) {
      this.takeBackFromWorker(temporary);
    } else {
      this.applyPending();
      this.index.writeIndexSync(temporary);
      syncFile(temporary);
    }
    const file = fileFingerprint(temporary);
    renameSync(temporary, this.path);
    // A crash between the two renames leaves an old sidecar whose identity and hash no longer match: the index is rebuilt.
    writeIndexSidecar(this.path, {
      format: 1,
      space: 'cosine',
      dimension: this.dimension,
      count: this.live.size,
      generation,
      labelsChecksum: labelsChecksum(this.live),
      deletedLabels: [...this.deleted].sort((left, right) => left - right),
      fileBytes: file.bytes,
      fileSha256: file.sha256,
      fileIdentity: fileIdentity(this.path),
    });
    this.saved = { generation };
    this.matchesFile = true;
  }

  /** Brings `index` up to date before it is searched: applies pending changes, or saves the worker's index. */
  private catchUp(): void {
    if (this.worker !== null || this.lostToWorker !== null) this.save();
    else this.applyPending();
  }

  private applyPending(): void {
    if (this.pending.size === 0) return;
    applyIndexOps(this.index, this.pending.take(), this.dimension);
    this.matchesFile = false;
  }

  /** Posts pending changes to the worker, starting it once enough are waiting. */
  private handOverPending(): void {
    if (this.worker === null && this.pending.size >= this.workerAfter) this.startWorker();
    if (this.worker !== null && this.pending.size >= 256) this.worker.post(this.pending.take());
  }

  /** The worker starts from the saved file when `index` matches it, else from a hand-over copy of `index`. */
  private startWorker(): void {
    let startFrom = this.path;
    if (!this.matchesFile || !existsSync(this.path)) {
      mkdirSync(dirname(this.path), { recursive: true });
      startFrom = temporaryPath(this.path, 'handover');
      this.handover = startFrom;
      this.index.writeIndexSync(startFrom);
    }
    try {
      this.worker = InsertWorker.start(this.dimension, startFrom);
    } catch {
      // No worker threads here: build on this thread as before.
      this.worker = null;
      return;
    }
    // The worker holds the graph from now on; free this copy (re-initialising drops it) rather than hold two.
    this.index.initIndex({ maxElements: 1 });
    this.matchesFile = false;
  }

  /** Has the worker write its index (with every change) to `temporary`, then loads that as `index`. */
  private takeBackFromWorker(temporary: string): void {
    const worker = this.worker as InsertWorker;
    this.worker = null;
    try {
      if (this.pending.size > 0) worker.post(this.pending.take());
      worker.writeTo(temporary);
    } catch (error) {
      this.lostToWorker = `The vector index lost changes in its insert worker; reopen the store to rebuild it from the database. (${error instanceof Error ? error.message : String(error)})`;
      throw error;
    } finally {
      worker.stop();
      if (this.handover !== null) rmSync(this.handover, { force: true });
      this.handover = null;
    }
    // Reading into the placeholder replaces (and frees) it; hnswlib resets ef on load.
    this.index.readIndexSync(temporary);
    this.index.setEf(this.efSearch);
  }

  private checkVector(vector: number[]): void {
    if (!Array.isArray(vector) || vector.length !== this.dimension) {
      throw new StorydeskError(
        'INDEX_DIMENSION_MISMATCH',
        `Vector has ${Array.isArray(vector) ? vector.length : 'no'} dimensions; the index has ${this.dimension}.`,
      );
    }
  }
}

/** `${path}.<pid>-<random>.tmp`: the writer removes leftovers of killed processes (see `removeIndexLeftovers`). */
function temporaryPath(path: string, kind = 'tmp'): string {
  return `${path}.${process.pid}-${randomBytes(4).toString('hex')}.${kind}`;
}

/**
 * Removes the temp and hand-over files that killed processes left next to the index at `path`. Only the
 * holder of the data folder's write lock may call it: any other process's temp file would be in use.
 */
export function removeIndexLeftovers(path: string): string[] {
  const folder = dirname(path);
  const prefix = `${basename(path)}.`;
  const leftovers = readdirSync(folder).filter((name) => name.startsWith(prefix) && (name.endsWith('.tmp') || name.endsWith('.handover')));
  for (const name of leftovers) rmSync(join(folder, name), { force: true });
  return leftovers;
}

function checkDimension(dimension: number): void {
  if (!Number.isInteger(dimension) || dimension <= 0) {
    throw new StorydeskError('INDEX_INVALID_DIMENSION', `A vector index needs a positive integer dimension; got ${dimension}.`);
  }
}

/** Without a sidecar, finds deleted labels the slow way: hnswlib refuses to return a deleted point. */
function probeDeleted(index: hnswlib.HierarchicalNSW, labels: number[]): Set<number> {
  const deleted = new Set<number>();
  for (const label of labels) {
    try {
      index.getPoint(label);
    } catch {
      deleted.add(label);
    }
  }
  return deleted;
}
