import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArticleInput } from '../core/article.js';
import type { ArticleStore } from '../core/article-store.js';
import { ArticleIndexer, type IndexCounts, type IndexerDependencies } from './article-indexer.js';
import { sha256 } from './content-hash.js';
import { collectFiles, parseFile } from './parsing.js';

export interface IngestDependencies extends IndexerDependencies {
  /** Called after each file with how many files are done out of how many. */
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Told about articles deleted because their file or record disappeared. */
  onRemoved?: (articleIds: string[]) => void | Promise<void>;
  /** Milliseconds between index saves during the ingest, so a kill loses only the tail since the last one. @default 30000 */
  checkpointMs?: number;
}

export interface IngestReport extends IndexCounts {
  removed: number;
}

/**
 * Brings the store in line with the given files and folders: new and changed articles are indexed, unchanged
 * ones skipped, and articles whose file disappeared from a given folder (or whose record disappeared from a
 * file that still parses) are deleted. Articles from other folders are left alone, and so are the articles of
 * a file that can no longer be read: bad input never loses what is indexed. A crash loses at most the articles
 * being written; the vector index is saved every `checkpointMs` and at the end, and the next writer patches
 * in whatever it lags behind the store.
 */
export async function ingestCorpus(paths: string[], deps: IngestDependencies): Promise<IngestReport> {
  const { store, index } = deps;
  const roots = paths.map((path) => resolve(path));
  const { files, skipped } = await collectFiles(roots);
  const indexer = new ArticleIndexer(deps);
  indexer.counts.skipped.push(...skipped);

  const seenIds = new Set<string>();
  /** Files that parsed: their stored records that were not seen again were removed from the file. */
  const parsedFiles = new Set<string>();
  let filesDone = 0;
  const checkpointMs = deps.checkpointMs ?? 30_000;
  let lastCheckpoint = performance.now();
  for (const file of files) {
    const parsed = await parseFile(file);
    indexer.counts.skipped.push(...parsed.skipped);
    if (parsed.articles.length > 0) parsedFiles.add(file);
    for (const input of parsed.articles) {
      const id = await uniqueId(input, store, seenIds);
      if (seenIds.has(id)) {
        indexer.counts.skipped.push({ path: input.origin, reason: `duplicate article id "${id}" (the first one was kept)` });
        continue;
      }
      seenIds.add(id);
      await indexer.offer({ ...input, id });
    }
    filesDone += 1;
    deps.onProgress?.(filesDone, files.length);
    if (performance.now() - lastCheckpoint >= checkpointMs) {
      // The index lags the store by at most this interval; the next writer patches in the rest.
      await index.flush();
      lastCheckpoint = performance.now();
    }
  }
  await indexer.flush();

  const removedIds: string[] = [];
  const collected = new Set(files);
  for (const root of roots) {
    for (const ref of await store.listArticleRefsUnder(root)) {
      if (seenIds.has(ref.id) || ref.originFile === null) continue;
      const fileGone = !collected.has(ref.originFile) && !existsSync(ref.originFile);
      const recordGone = parsedFiles.has(ref.originFile);
      if (!fileGone && !recordGone) continue;
      await index.remove(await store.deleteArticle(ref.id));
      removedIds.push(ref.id);
    }
  }
  await index.flush();
  if (removedIds.length > 0) await deps.onRemoved?.(removedIds);
  return { ...indexer.counts, removed: removedIds.length };
}

/**
 * File-derived ids are slugs of file names, so two folders can both hold "report.md": the second one gets a
 * suffix from its path. Record ids from JSON are the caller's and are kept as they are.
 */
async function uniqueId(input: ArticleInput, store: ArticleStore, seenIds: Set<string>): Promise<string> {
  const fromRecord = input.origin !== input.originFile;
  if (fromRecord) return input.id;
  const existing = await store.getArticleRef(input.id);
  const takenByOther = (existing !== null && existing.originFile !== input.originFile) || seenIds.has(input.id);
  return takenByOther ? `${input.id}-${sha256(input.origin).slice(0, 8)}` : input.id;
}
