import { createHash } from 'node:crypto';

/**
 * Encoding of vectors, and the text hash that keys the embedding cache, as kept in SQLite.
 * Vectors are Float32 little-endian BLOBs: half the size of float64, and what embedders produce anyway.
 */

/** The embedding-cache key for a passage text: SHA-256 of its UTF-8 bytes, as lowercase hex. */
export function hashPassageText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Encodes a vector as a Float32 little-endian BLOB. */
export function encodeVector(vector: ArrayLike<number>): Buffer {
  const buffer = Buffer.allocUnsafe(vector.length * 4);
  for (let index = 0; index < vector.length; index += 1) {
    buffer.writeFloatLE(vector[index] ?? 0, index * 4);
  }
  return buffer;
}

/** Decodes a Float32 little-endian BLOB back into plain numbers (hnswlib rejects typed arrays). */
export function decodeVector(blob: Buffer): number[] {
  const length = Math.floor(blob.byteLength / 4);
  const vector = new Array<number>(length);
  for (let index = 0; index < length; index += 1) {
    vector[index] = blob.readFloatLE(index * 4);
  }
  return vector;
}
