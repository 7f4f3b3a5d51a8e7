import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import hnswlib from 'hnswlib-node';
import { StorydeskError } from '../core/errors.js';
import type { VectorHit, VectorIndex } from '../core/vector-index.js';
import {
  fileFingerprint,
  fileIdentity,
  type HnswIndexSidecar,
  labelsChecksum,
  readIndexSidecar,
  syncFile,
  writeIndexSidecar,
} from './hnsw-index-sidecar.js';

/** Search-time options, valid for both new and loaded indexes. */
export interface HnswSearchOptions {
  /** Candidate list size at query time; hnswlib resets it to 10 on load, far too low for good recall. @default 100 */
  efSearch?: number;
  /** Called at save time; the value is recorded in the sidecar (the store generation the index matches). */
  generation?: () => number;
}

/** Options for a new index. */
export interface HnswCreateOptions extends HnswSearchOptions {
  /** File the index is saved to; its sidecar is `${path}.meta.json`. */
  path: string;
  /** Initial capacity; doubled whenever an add would overflow it. @default 1024 */
  capacity?: number;
  /** Graph degree. @default 16 */
  m?: number;
  /** Candidate list size while building (100 keeps recall@10 above 0.99 at search ef 100, at half the build cost of 200). @default 100 */
  efConstruction?: number;
  /** Seed for level assignment, so builds are reproducible. @default 100 */
  randomSeed?: number;
}

const maxLabel = 0xffffffff;

/**
 * An hnswlib-node HNSW index in cosine space whose labels are passage ids.
 * hnswlib keeps deleted points in place (markDelete), so live and deleted labels are tracked here.
 */
export class HnswVectorIndex implements VectorIndex {
  readonly dimension: number;
  private readonly index: hnswlib.HierarchicalNSW;
  private readonly path: string;
  private readonly efSearch: number;
  private readonly generation: (() => number) | undefined;
  private readonly live: Set<number>;
  private readonly deleted: Set<number>;
  /** What the file on disk holds, when it is known to match memory: `save` then has nothing to write. */
  private saved: { generation: number | null } | null;

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
    this.index.setEf(this.efSearch);
  }

  /** Creates an empty index that will be saved to `options.path`. */
  static create(dimension: number, options: HnswCreateOptions): HnswVectorIndex {
    checkDimension(dimension);
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    index.initIndex({
      maxElements: Math.max(16, options.capacity ?? 1024),
      m: options.m ?? 16,
      efConstruction: options.efConstruction ?? 100,
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
    checkDimension(dimension);
    if (!existsSync(path)) throw new StorydeskError('INDEX_MISSING', `No vector index at ${path}.`);
    const sidecar = readIndexSidecar(path);
    if (sidecar !== null) {
      if (sidecar.dimension !== dimension) {
        throw new StorydeskError('INDEX_DIMENSION_MISMATCH', `The index at ${path} has ${sidecar.dimension} dimensions, not ${dimension}.`);
      }
      verifyAgainstSidecar(path, sidecar);
    }
    const index = new hnswlib.HierarchicalNSW('cosine', dimension);
    try {
      index.readIndexSync(path);
    } catch (error) {
      throw new StorydeskError('INDEX_CORRUPT', `The index at ${path} could not be read.`, { cause: error });
    }
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
    const known = this.live.has(label) || this.deleted.has(label);
    if (!known && this.index.getCurrentCount() >= this.index.getMaxElements()) {
      // Doubling keeps the amortised cost of growth linear; resizeIndex only reallocates.
      // A loaded index has exactly as many slots as it had points (zero for an empty one), hence the floor.
      this.index.resizeIndex(Math.max(1024, this.index.getMaxElements() * 2));
    }
    // On a known label hnswlib updates the point in place, un-deleting it if needed.
    this.index.addPoint(vector, label);
    this.deleted.delete(label);
    this.live.add(label);
    this.saved = null;
  }

  /** Hides a label from searches; unknown or already removed labels are ignored. */
  remove(label: number): void {
    if (!this.live.has(label)) return;
    this.index.markDelete(label);
    this.live.delete(label);
    this.deleted.add(label);
    this.saved = null;
  }

  /**
   * The `k` nearest live vectors by cosine similarity (1 − cosine distance), best first.
   * `accept` restricts the search to some labels inside hnswlib, so filtered searches still return k hits.
   */
  search(vector: number[], k: number, accept?: (label: number) => boolean): VectorHit[] {
    this.checkVector(vector);
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
    const generation = this.generation?.() ?? null;
    if (this.saved !== null && this.saved.generation === generation && existsSync(this.path)) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.tmp`;
    this.index.writeIndexSync(temporary);
    syncFile(temporary);
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

function checkDimension(dimension: number): void {
  if (!Number.isInteger(dimension) || dimension <= 0) {
    throw new StorydeskError('INDEX_INVALID_DIMENSION', `A vector index needs a positive integer dimension; got ${dimension}.`);
  }
}

/**
 * Throws `INDEX_CORRUPT` unless the file at `path` is the one `sidecar` describes. An unchanged file-system
 * identity proves it cheaply; otherwise the size and hash decide, and a file that passes gets its new identity
 * recorded (e.g. after the data folder was copied) so the next open is cheap again.
 */
function verifyAgainstSidecar(path: string, sidecar: HnswIndexSidecar): void {
  const identity = fileIdentity(path);
  if (sidecar.fileIdentity === identity) return;
  const file = fileFingerprint(path);
  if (file.bytes !== sidecar.fileBytes || file.sha256 !== sidecar.fileSha256) {
    throw new StorydeskError('INDEX_CORRUPT', `The index at ${path} does not match its sidecar (truncated, damaged or half-saved).`);
  }
  // Only if neither file moved while hashing, so a concurrent save's newer sidecar is never overwritten.
  const current = readIndexSidecar(path);
  if (fileIdentity(path) !== identity || current === null || current.fileSha256 !== sidecar.fileSha256) return;
  try {
    writeIndexSidecar(path, { ...sidecar, fileIdentity: identity });
  } catch {
    // A read-only data folder: keep verifying by hash.
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
