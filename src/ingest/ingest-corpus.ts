import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article, ArticleInput } from '../core/article.js';
import type { ArticleStore } from '../core/article-store.js';
import type { Embedder } from '../core/embedder.js';
import type { PassageDraft } from '../core/passage.js';
import type { VectorIndex } from '../core/vector-index.js';
import { articleContentHash, sha256 } from './content-hash.js';
import { embedWithCache } from './embed-passages.js';
import { chunkPassages, collectFiles, parseFile, type SkippedInput, segmentSentences } from './parsing.js';

export interface IngestDependencies {
  store: ArticleStore;
  index: VectorIndex;
  embedder: Embedder;
  now?: () => Date;
  /** Called after each article with how many files are done out of how many. */
  onProgress?: (filesDone: number, filesTotal: number) => void;
  /** Passages embedded together; larger batches amortise the embedder's per-call cost. @default 256 */
  batchPassages?: number;
}

export interface IngestReport {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: SkippedInput[];
  /** Passages whose vectors were computed (not taken from the cache). */
  embedded: number;
  passages: number;
}

interface PendingArticle {
  article: Article;
  passages: PassageDraft[];
  isUpdate: boolean;
}

/**
 * Brings the store in line with the given files and folders: new and changed articles are indexed, unchanged
 * ones skipped, and articles whose file disappeared from a given folder (or whose record disappeared from a
 * file that still parses) are deleted. Articles from other folders are left alone. Each article is written in
 * its own transaction, so a crash loses at most the article being written; the vector index is saved at the
 * end and re-derived from the store when it is stale.
 */
export async function ingestCorpus(paths: string[], deps: IngestDependencies): Promise<IngestReport> {
  const { store, index, embedder } = deps;
  const now = deps.now ?? (() => new Date());
  const report: IngestReport = { added: 0, updated: 0, unchanged: 0, removed: 0, skipped: [], embedded: 0, passages: 0 };
  const roots = paths.map((path) => resolve(path));
  const { files, skipped } = await collectFiles(roots);
  report.skipped.push(...skipped);

  const seenIds = new Set<string>();
  /** Files that parsed: their stored records not seen again were removed from the file. */
  const parsedFiles = new Set<string>();
  let pending: PendingArticle[] = [];
  let pendingPassages = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingPassages = 0;
    const texts = batch.flatMap((item) => item.passages.map((passage) => passage.text));
    const { vectors, embedded } = await embedWithCache(texts, embedder, store);
    report.embedded += embedded;
    let offset = 0;
    for (const item of batch) {
      const articleVectors = vectors.slice(offset, offset + item.passages.length);
      offset += item.passages.length;
      const { passages, removedPassageIds } = store.putArticle(item.article, item.passages, articleVectors);
      for (const id of removedPassageIds) index.remove(id);
      passages.forEach((passage, position) => index.add(passage.id, articleVectors[position] ?? []));
      report.passages += passages.length;
      if (item.isUpdate) report.updated += 1;
      else report.added += 1;
    }
  };

  let filesDone = 0;
  for (const file of files) {
    const parsed = await parseFile(file);
    report.skipped.push(...parsed.skipped);
    if (parsed.articles.length > 0) parsedFiles.add(file);
    for (const input of parsed.articles) {
      const id = uniqueId(input, store, seenIds);
      if (seenIds.has(id)) {
        report.skipped.push({ path: input.origin, reason: `duplicate article id "${id}" (the first one was kept)` });
        continue;
      }
      seenIds.add(id);
      const contentHash = articleContentHash(input);
      const existing = store.getArticleRef(id);
      if (existing?.contentHash === contentHash) {
        report.unchanged += 1;
        continue;
      }
      const article: Article = { ...input, id, contentHash, ingestedAt: now().toISOString() };
      const passages = chunkPassages(article.body, segmentSentences(article.body));
      if (passages.length === 0) {
        report.skipped.push({ path: input.origin, reason: 'no text left after cleaning' });
        continue;
      }
      pending.push({ article, passages, isUpdate: existing !== null });
      pendingPassages += passages.length;
      if (pendingPassages >= (deps.batchPassages ?? 256)) await flush();
    }
    filesDone += 1;
    deps.onProgress?.(filesDone, files.length);
  }
  await flush();

  const collected = new Set(files);
  for (const root of roots) {
    for (const ref of store.listArticleRefsUnder(root)) {
      if (seenIds.has(ref.id) || ref.originFile === null) continue;
      const fileGone = !collected.has(ref.originFile) && !existsSync(ref.originFile);
      const recordGone = parsedFiles.has(ref.originFile);
      if (!fileGone && !recordGone) continue;
      for (const id of store.deleteArticle(ref.id)) index.remove(id);
      report.removed += 1;
    }
  }
  index.save();
  return report;
}

/**
 * File-derived ids are slugs of file names, so two folders can both hold "report.md": the second one gets a
 * suffix from its path. Record ids from JSON are the caller's and are kept as they are.
 */
function uniqueId(input: ArticleInput, store: ArticleStore, seenIds: Set<string>): string {
  const fromRecord = input.origin !== input.originFile;
  if (fromRecord) return input.id;
  const existing = store.getArticleRef(input.id);
  const takenByOther = (existing !== null && existing.originFile !== input.originFile) || seenIds.has(input.id);
  return takenByOther ? `${input.id}-${sha256(input.origin).slice(0, 8)}` : input.id;
}
