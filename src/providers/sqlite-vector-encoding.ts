import { createHash } from 'node:crypto';

/**
 * Encoding of vectors, and the text hash that keys the embedding cache, as kept in SQLite.
 * Vectors are Float32 little-endian BLOBs: half the size of float64, and what embedders produce anyway.
 */

/** The embedding-cache key for a passage text: SHA-256 of its UTF-8 bytes, as lowercase hex. */
export function hashPassageText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Typed arrays use the machine's byte order; the BLOBs are little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/**
 * One scratch Float32Array for converting, grown as needed and reused: a fresh typed array per vector would
 * be a separate off-heap allocation each time (60,000 passage vectors in a 10k-article ingest).
 */
let scratch = new Float32Array(1024);

function scratchFor(length: number): Float32Array {
  if (scratch.length < length) scratch = new Float32Array(length);
  return scratch;
}

/**
 * Encodes a vector as a Float32 little-endian BLOB. On little-endian machines the bytes of a Float32Array are
 * that BLOB, so the conversion is one typed-array set and one copy rather than a writeFloatLE call per element
 * (every passage vector, story centroid and membership is written this way during ingest).
 */
export function encodeVector(vector: ArrayLike<number>): Buffer {
  const buffer = Buffer.allocUnsafe(vector.length * 4);
  if (LITTLE_ENDIAN) {
    const floats = scratchFor(vector.length);
    floats.set(vector);
    buffer.set(new Uint8Array(floats.buffer, 0, vector.length * 4));
    return buffer;
  }
  for (let index = 0; index < vector.length; index += 1) {
    buffer.writeFloatLE(vector[index] ?? 0, index * 4);
  }
  return buffer;
}

/** Decodes a Float32 little-endian BLOB back into plain numbers (hnswlib rejects typed arrays). */
export function decodeVector(blob: Buffer): number[] {
  const length = Math.floor(blob.byteLength / 4);
  const vector = new Array<number>(length);
  if (LITTLE_ENDIAN) {
    // One copy of the bytes (the BLOB need not be 4-byte aligned), then plain reads.
    const floats = scratchFor(length);
    new Uint8Array(floats.buffer, 0, length * 4).set(blob.subarray(0, length * 4));
    for (let index = 0; index < length; index += 1) vector[index] = floats[index] ?? 0;
    return vector;
  }
  for (let index = 0; index < length; index += 1) {
    vector[index] = blob.readFloatLE(index * 4);
  }
  return vector;
}

/** Decodes a Float32 little-endian BLOB into a Float32Array: half the memory of numbers, for rows kept in bulk. */
export function decodeFloat32Array(blob: Buffer): Float32Array {
  const vector = new Float32Array(Math.floor(blob.byteLength / 4));
  // One copy of the bytes rather than a readFloatLE call per element: every story membership is decoded on open.
  if (LITTLE_ENDIAN) new Uint8Array(vector.buffer).set(blob.subarray(0, vector.byteLength));
  else for (let index = 0; index < vector.length; index += 1) vector[index] = blob.readFloatLE(index * 4);
  return vector;
}
