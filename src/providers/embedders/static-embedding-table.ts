/**
 * The on-disk form of a distilled static embedding table: one int8 row per vocabulary id with a float32 scale
 * per row (row ≈ scale × int8). Layout: "SDET" magic, uint32 header length, a JSON header, float32 scales,
 * int8 values — little-endian, so the file is byte-identical wherever it is regenerated.
 */

import type { LexicalChannelSettings } from './hashed-word-features.js';

const MAGIC = 'SDET';

/** Describes the table; written as JSON inside the file. */
export interface StaticTableHeader {
  /** Format version of this file layout. */
  format: 1;
  rows: number;
  dimensions: number;
  /** The settings that produced the table (teacher, PCA size, weighting); part of the embedder id. */
  recipe: string;
  /** When present, a hashed word-overlap channel is appended to each vector (see hashed-word-features.ts). */
  lexical?: LexicalChannelSettings;
}

/** A decoded table: `rowAt(id)` gives the weighted vector of vocabulary id `id`. */
export interface StaticTable {
  header: StaticTableHeader;
  scales: Float32Array;
  values: Int8Array;
}

/** Quantises float rows (already weighted) into a table; each row keeps its own scale. */
export function quantizeTable(rows: Float32Array[], recipe: string, lexical?: LexicalChannelSettings): StaticTable {
  const dimensions = rows[0]?.length ?? 0;
  const scales = new Float32Array(rows.length);
  const values = new Int8Array(rows.length * dimensions);
  rows.forEach((row, index) => {
    let largest = 0;
    for (const value of row) largest = Math.max(largest, Math.abs(value));
    const scale = largest / 127;
    scales[index] = scale;
    if (scale === 0) return;
    for (let i = 0; i < dimensions; i++) values[index * dimensions + i] = Math.round((row[i] as number) / scale);
  });
  const header: StaticTableHeader = { format: 1, rows: rows.length, dimensions, recipe };
  if (lexical !== undefined) header.lexical = lexical;
  return { header, scales, values };
}

/** Serialises a table to bytes. */
export function encodeTable(table: StaticTable): Buffer {
  const header = Buffer.from(JSON.stringify(table.header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(header.length, 4);
  const scales = Buffer.alloc(table.scales.length * 4);
  table.scales.forEach((scale, index) => scales.writeFloatLE(scale, index * 4));
  return Buffer.concat([prefix, header, scales, Buffer.from(table.values.buffer, table.values.byteOffset, table.values.byteLength)]);
}

/** Parses bytes written by {@link encodeTable}; throws with the reason when they are not a table. */
export function decodeTable(bytes: Buffer): StaticTable {
  if (bytes.length < 8 || bytes.toString('ascii', 0, 4) !== MAGIC) throw new Error('not a static embedding table (bad magic)');
  const headerLength = bytes.readUInt32LE(4);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as StaticTableHeader;
  if (header.format !== 1 || !(header.rows > 0) || !(header.dimensions > 0)) throw new Error('unsupported static embedding table header');
  let offset = 8 + headerLength;
  const scales = new Float32Array(header.rows);
  for (let index = 0; index < header.rows; index++) scales[index] = bytes.readFloatLE(offset + index * 4);
  offset += header.rows * 4;
  const expected = offset + header.rows * header.dimensions;
  if (bytes.length !== expected) throw new Error(`static embedding table is ${bytes.length} bytes, expected ${expected}`);
  const values = new Int8Array(header.rows * header.dimensions);
  values.set(new Int8Array(bytes.buffer, bytes.byteOffset + offset, values.length));
  return { header, scales, values };
}
