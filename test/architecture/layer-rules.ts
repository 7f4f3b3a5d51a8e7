import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One module and the modules it imports (static, dynamic and type-only), as repository paths or package names. */
export interface ModuleImports {
  /** Repository-relative path, e.g. 'src/core/article.ts'. */
  file: string;
  /** Resolved repository-relative paths for relative imports; the bare specifier for packages and node: modules. */
  imports: string[];
}

/** A module importing what its layer must not. */
export interface LayerViolation {
  file: string;
  imported: string;
  rule: string;
}

/** The modules that implement storage (SQLite, hnswlib): only their own folder and the composition root import them. */
const CONCRETE_STORE = /^src\/providers\/(?:sqlite-[^/]*|hnsw-[^/]*|index-consistency|open-sqlite-database)\.ts$/;
/** The one module that picks storage backends (see docs/decisions/0007-storage-and-platform-ports.md). */
const COMPOSITION_ROOT = new Set(['src/app/storage-backends.ts']);
/** What adapters around the core must not be imported by the storage providers. */
const ABOVE_PROVIDERS = /^src\/(?:stories|answer|scheduler)\//;

/** The layer rules of docs/decisions/0007: the core imports nothing, providers no use cases, nobody a concrete store. */
export function layerViolations(modules: ModuleImports[]): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const { file, imports } of modules) {
    for (const imported of imports) {
      if (file.startsWith('src/core/') && !imported.startsWith('src/core/')) {
        violations.push({ file, imported, rule: 'src/core imports nothing outside src/core' });
      }
      if (file.startsWith('src/providers/') && ABOVE_PROVIDERS.test(imported)) {
        violations.push({ file, imported, rule: 'providers do not import stories, answer or scheduler' });
      }
      if (CONCRETE_STORE.test(imported) && !file.startsWith('src/providers/') && !COMPOSITION_ROOT.has(file)) {
        violations.push({ file, imported, rule: 'only src/providers and the composition root import a concrete store' });
      }
    }
  }
  return violations;
}

/** Every .ts module under `folder` (repository-relative) with its imports, read with the TypeScript scanner. */
export function readModuleImports(root: string, folder: string): ModuleImports[] {
  return listTypeScript(join(root, folder)).map((path) => {
    const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    const imports = info.importedFiles.map(({ fileName }) => {
      if (!fileName.startsWith('.')) return fileName;
      // Sources import './x.js' for './x.ts' (NodeNext resolution).
      return relative(root, resolve(dirname(path), fileName)).replace(/\.js$/, '.ts');
    });
    return { file: relative(root, path), imports };
  });
}

function listTypeScript(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return listTypeScript(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}
