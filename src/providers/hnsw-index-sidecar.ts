import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { StorydeskError } from '../core/errors.js';

/**
 * The small JSON file saved next to an hnswlib index (`${path}.meta.json`).
 *
 * hnswlib's file format records neither the dimension nor which labels are deleted, and a damaged file
 * can crash the native reader. The sidecar records both, plus the file's size and SHA-256, so a loader can
 * refuse a file it cannot trust before handing it to native code, and can compare label sets with the store.
 * Hashing a 200 MB index costs about 0.3 s, so the sidecar also records the file's identity as saved (inode,
 * size, mtime, ctime): while those are unchanged the file is the one that was hashed, and only when they
 * differ (a crash between the index and sidecar renames, a damaged or copied file) is the hash checked.
 */
const sidecarSchema = z.object({
  format: z.literal(1),
  space: z.literal('cosine'),
  dimension: z.number().int().positive(),
  /** Live (not deleted) vectors. */
  count: z.number().int().nonnegative(),
  /** The store generation the index was saved at, when the index knew it. */
  generation: z.number().int().nonnegative().nullable(),
  /** `labelsChecksum` of the live labels. */
  labelsChecksum: z.string(),
  /** Labels marked deleted; hnswlib keeps their slots, and its file does not say which they are. */
  deletedLabels: z.array(z.number().int().nonnegative()),
  fileBytes: z.number().int().nonnegative(),
  fileSha256: z.string(),
  /** `fileIdentity` of the index file right after it was renamed into place; absent in older sidecars. */
  fileIdentity: z.string().optional(),
});

export type HnswIndexSidecar = z.infer<typeof sidecarSchema>;

/** Where the sidecar of the index at `indexPath` lives. */
export function sidecarPath(indexPath: string): string {
  return `${indexPath}.meta.json`;
}

/** Reads and validates the sidecar; null when it is missing or malformed (both mean "cannot trust the index"). */
export function readIndexSidecar(indexPath: string): HnswIndexSidecar | null {
  const path = sidecarPath(indexPath);
  if (!existsSync(path)) return null;
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes the sidecar atomically (temp file, fsync, rename). */
export function writeIndexSidecar(indexPath: string, sidecar: HnswIndexSidecar): void {
  const path = sidecarPath(indexPath);
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writeFileDurably(temporary, `${JSON.stringify(sidecar)}\n`);
  renameSync(temporary, path);
}

/** Order-independent fingerprint of a label set: SHA-256 of the sorted labels as uint32 little-endian. */
export function labelsChecksum(labels: Iterable<number>): string {
  const sorted = Float64Array.from(labels).sort();
  const buffer = Buffer.allocUnsafe(sorted.length * 4);
  sorted.forEach((label, index) => {
    buffer.writeUInt32LE(label, index * 4);
  });
  return createHash('sha256').update(buffer).digest('hex');
}

/**
 * What the file system says about a file, as one string: inode, size, mtime and ctime in nanoseconds.
 * Any write, truncation, rename or replacement changes at least one of them, and ctime cannot be set back.
 */
export function fileIdentity(path: string): string {
  const stat = statSync(path, { bigint: true });
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** Size and SHA-256 of a file, read in 1 MiB chunks so large indexes are not loaded twice into memory. */
export function fileFingerprint(path: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const descriptor = openSync(path, 'r');
  let bytes = 0;
  try {
    for (;;) {
      const read = readSync(descriptor, chunk, 0, chunk.length, null);
      if (read === 0) break;
      hash.update(chunk.subarray(0, read));
      bytes += read;
    }
  } finally {
    closeSync(descriptor);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * Throws `INDEX_CORRUPT` unless the file at `path` is the one `sidecar` describes. An unchanged file-system
 * identity proves it cheaply; otherwise the size and hash decide, and a file that passes gets its new identity
 * recorded (e.g. after the data folder was copied) so the next open is cheap again.
 */
export function verifyAgainstSidecar(path: string, sidecar: HnswIndexSidecar, options: { recordIdentity?: boolean } = {}): void {
  const identity = fileIdentity(path);
  if (sidecar.fileIdentity === identity) return;
  const file = fileFingerprint(path);
  if (file.bytes !== sidecar.fileBytes || file.sha256 !== sidecar.fileSha256) {
    throw new StorydeskError('INDEX_CORRUPT', `The index at ${path} does not match its sidecar (truncated, damaged or half-saved).`);
  }
  if (options.recordIdentity === false) return; // readers never write
  // Only if neither file moved while hashing, so a concurrent save's newer sidecar is never overwritten.
  const current = readIndexSidecar(path);
  if (fileIdentity(path) !== identity || current === null || current.fileSha256 !== sidecar.fileSha256) return;
  try {
    writeIndexSidecar(path, { ...sidecar, fileIdentity: identity });
  } catch {
    // A read-only data folder: keep verifying by hash.
  }
}

/** Flushes a file's bytes to disk, so a rename after it never exposes a half-written file after a crash. */
export function syncFile(path: string): void {
  const descriptor = openSync(path, 'r+');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

function writeFileDurably(path: string, text: string): void {
  writeFileSync(path, text);
  syncFile(path);
}
