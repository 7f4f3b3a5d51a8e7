import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerViolations, readModuleImports } from './layer-rules.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('layers', () => {
  it('hold in src: the core imports nothing outside it, providers no use cases, and only the composition root picks a store', () => {
    const modules = readModuleImports(ROOT, 'src');
    expect(modules.length).toBeGreaterThan(100);
    expect(modules.find((module) => module.file === 'src/app/storage-backends.ts')?.imports).toContain('src/providers/sqlite-storage-backend.ts');
    expect(layerViolations(modules)).toEqual([]);
  });

  it('are checked on static, dynamic and type-only imports alike', () => {
    const violations = layerViolations([
      { file: 'src/core/article.ts', imports: ['src/core/passage.ts', 'better-sqlite3'] },
      { file: 'src/providers/sqlite-claim-store.ts', imports: ['src/disputes/claims.ts', 'src/stories/story-service.ts'] },
      { file: 'src/stories/story-service.ts', imports: ['src/core/story-store.ts', 'src/providers/sqlite-story-store.ts'] },
      { file: 'src/app/storage-backends.ts', imports: ['src/providers/sqlite-storage-backend.ts'] },
      { file: 'src/app/open-storydesk.ts', imports: ['src/providers/hnsw-vector-index.ts', 'src/providers/embedders/create-local-embedder.ts'] },
    ]);
    expect(violations.map((violation) => `${violation.file} -> ${violation.imported}`)).toEqual([
      'src/core/article.ts -> better-sqlite3',
      'src/providers/sqlite-claim-store.ts -> src/stories/story-service.ts',
      'src/stories/story-service.ts -> src/providers/sqlite-story-store.ts',
      'src/app/open-storydesk.ts -> src/providers/hnsw-vector-index.ts',
    ]);
    const scanned = readModuleImports(ROOT, 'src').find((module) => module.file === 'src/app/open-storydesk.ts');
    // Dynamic imports count: open-storydesk loads the story service on demand.
    expect(scanned?.imports).toContain('src/stories/story-service.ts');
  });
});
