import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './parse-file.js';
import type { SkippedInput } from './skip.js';

/** Options for collectFiles. */
export interface CollectOptions {
  /** Article files (.md, .txt, .html) larger than this are skipped. @default 10 MiB */
  maxFileBytes?: number;
  /** Record files (.json, .jsonl, .ndjson) hold many articles, so they get their own limit. @default 512 MiB */
  maxRecordFileBytes?: number;
}

const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_RECORD_FILE_BYTES = 512 * 1024 * 1024;
const RECORD_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);
/** Folders that hold dependencies or tooling, never articles. */
const IGNORED_FOLDERS = new Set(['node_modules']);

/**
 * The files to ingest under the given files and folders: absolute paths, folders walked recursively in
 * sorted order. Hidden files and folders and node_modules inside a folder are ignored silently; unknown
 * extensions, oversized files and missing paths are skipped with a reason; symlink loops are not followed
 * twice. A path given explicitly is taken even when its name starts with a dot. Symbolic links inside a
 * folder are followed only when they lead inside one of the given paths: a link to /etc/passwd in a shared
 * corpus folder would otherwise be indexed and quoted in a chat channel.
 */
export async function collectFiles(paths: string[], options: CollectOptions = {}): Promise<{ files: string[]; skipped: SkippedInput[] }> {
  const maxArticleFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxRecordFileBytes = Math.max(options.maxRecordFileBytes ?? DEFAULT_MAX_RECORD_FILE_BYTES, maxArticleFileBytes);
  const files: string[] = [];
  const skipped: SkippedInput[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const roots: string[] = [];
  const insideRoots = (real: string): boolean => roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`));

  const visitFile = async (path: string, info: Stats, explicit: boolean): Promise<void> => {
    const extension = extname(path).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.includes(extension)) {
      const kind = extension === '' ? 'no file extension' : `unsupported extension "${extension}"`;
      skipped.push({ path, reason: `${kind} (accepted: ${SUPPORTED_EXTENSIONS.join(', ')})` });
      return;
    }
    const maxFileBytes = RECORD_EXTENSIONS.has(extension) ? maxRecordFileBytes : maxArticleFileBytes;
    if (info.size > maxFileBytes) {
      skipped.push({ path, reason: `file too large: ${formatBytes(info.size)} (the limit is ${formatBytes(maxFileBytes)})` });
      return;
    }
    // The same file reached twice (given twice, or through a symlink) is ingested once.
    const real = await realpath(path);
    if (!explicit && !insideRoots(real)) {
      skipped.push({ path, reason: `symbolic link to ${real}, outside the given corpus paths (links are followed only inside them)` });
      return;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };

  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (explicit || code !== 'ENOENT') skipped.push({ path, reason: describeStatError(code) });
      else skipped.push({ path, reason: 'broken symbolic link' });
      return;
    }
    if (info.isFile()) return visitFile(path, info, explicit);
    if (!info.isDirectory()) {
      if (explicit) skipped.push({ path, reason: 'not a regular file or folder' });
      return;
    }
    const real = await realpath(path);
    if (!explicit && !insideRoots(real)) {
      skipped.push({ path, reason: `symbolic link to ${real}, outside the given corpus paths (links are followed only inside them)` });
      return;
    }
    if (seenFolders.has(real)) return;
    seenFolders.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path, reason: describeStatError((error as NodeJS.ErrnoException).code) });
      return;
    }
    const names = entries.map((entry) => entry.name).filter((name) => !name.startsWith('.') && !IGNORED_FOLDERS.has(name));
    for (const name of names.sort(compareNames)) await visit(join(path, name), false);
  };

  for (const path of paths) {
    try {
      roots.push(await realpath(resolve(path)));
    } catch {
      // Missing: reported by the walk.
    }
  }
  for (const path of paths) await visit(resolve(path), true);
  return { files, skipped };
}

/** Code-unit order, so the walk is the same on every machine and locale. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeStatError(code: string | undefined): string {
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  return `cannot be read (${code ?? 'unknown error'})`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
