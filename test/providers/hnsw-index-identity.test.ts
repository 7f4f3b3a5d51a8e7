import { copyFileSync, mkdtempSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileIdentity, readIndexSidecar, sidecarPath } from '../../src/providers/hnsw-index-sidecar.js';
import { HnswVectorIndex } from '../../src/providers/hnsw-vector-index.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { randomVectors } from './deterministic-vectors.js';

const temp = makeTempDir('storydesk-hnsw-identity-');
afterAll(() => temp.remove());
const nextPath = (): string => join(mkdtempSync(join(temp.path, 'index-')), 'passages.hnsw');

function savedIndex(path: string, labels: number, seed = 3): HnswVectorIndex {
  const index = HnswVectorIndex.create(8, { path });
  randomVectors(labels, 8, seed).forEach((vector, label) => {
    index.add(label, vector);
  });
  index.save();
  return index;
}

describe('HnswVectorIndex file identity (the cheap check on open)', () => {
  it('records the saved file identity, and an unchanged index is not written again', () => {
    const path = nextPath();
    savedIndex(path, 20);
    const identity = fileIdentity(path);
    expect(readIndexSidecar(path)?.fileIdentity).toBe(identity);
    const loaded = HnswVectorIndex.load(path, 8);
    loaded.save();
    expect(fileIdentity(path)).toBe(identity);
    loaded.remove(3);
    loaded.save();
    expect(fileIdentity(path)).not.toBe(identity);
    expect(HnswVectorIndex.load(path, 8).labels()).not.toContain(3);
  });

  it('saves an unchanged index again when the store generation moved', () => {
    const path = nextPath();
    let generation = 1;
    HnswVectorIndex.create(8, { path, generation: () => generation }).save();
    const loaded = HnswVectorIndex.load(path, 8, { generation: () => generation });
    generation = 2;
    loaded.save();
    expect(readIndexSidecar(path)?.generation).toBe(2);
  });

  it('refuses a newer index left behind with the old sidecar (crash between the two renames)', () => {
    const path = nextPath();
    savedIndex(path, 20);
    const oldSidecar = readFileSync(sidecarPath(path));
    const grown = HnswVectorIndex.load(path, 8);
    grown.add(99, randomVectors(1, 8, 9)[0] ?? []);
    grown.save();
    writeFileSync(sidecarPath(path), oldSidecar);
    expect(() => HnswVectorIndex.load(path, 8)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
  });

  it('refuses a same-size file damaged in place, even with its mtime put back', () => {
    const path = nextPath();
    savedIndex(path, 20);
    const { atime, mtime } = statSync(path);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    // utimes cannot put ctime back, so the identity still differs and the hash is checked.
    utimesSync(path, atime, mtime);
    expect(() => HnswVectorIndex.load(path, 8)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
  });

  it('accepts a copied file by its hash and records the identity of the copy for the next open', () => {
    const path = nextPath();
    savedIndex(path, 20);
    copyFileSync(path, `${path}.copy`);
    renameSync(`${path}.copy`, path);
    const copied = fileIdentity(path);
    expect(readIndexSidecar(path)?.fileIdentity).not.toBe(copied);
    expect(HnswVectorIndex.load(path, 8).count()).toBe(20);
    expect(readIndexSidecar(path)?.fileIdentity).toBe(copied);
  });
});
