import { describe, expect, it } from 'vitest';
import { withDatabase } from '../../scripts/lib/database-url.js';
import { parseEvalFigures } from '../../scripts/lib/eval-figures.js';
import { extractSection, replaceSection } from '../../scripts/lib/markdown-section.js';

describe('benchmark document sections', () => {
  const doc = '# Benchmarks\n\nintro\n\n## Against LangChain\n\nlc table\n\n## SQLite and PostgreSQL compared\n\nold figures\n\n### detail\n\nold detail\n\n## Later\n\nkept\n';

  it('replaces only the named section, sub-headings included, keeping what follows', () => {
    const updated = replaceSection(doc, '## SQLite and PostgreSQL compared', '## SQLite and PostgreSQL compared\n\nnew figures\n');
    expect(updated).toContain('new figures');
    expect(updated).not.toContain('old figures');
    expect(updated).not.toContain('old detail');
    expect(updated).toContain('## Against LangChain\n\nlc table');
    expect(updated).toContain('## Later\n\nkept');
  });

  it('appends the section when the document has none', () => {
    const updated = replaceSection('# Benchmarks\n\nintro\n', '## Stores', '## Stores\n\nfigures');
    expect(updated).toBe('# Benchmarks\n\nintro\n\n## Stores\n\nfigures\n');
  });

  it('extracts a section so a full rewrite of the document can carry it over', () => {
    expect(extractSection(doc, '## SQLite and PostgreSQL compared')).toBe('## SQLite and PostgreSQL compared\n\nold figures\n\n### detail\n\nold detail');
    expect(extractSection(doc, '## Missing')).toBe('');
  });
});

describe('eval figures read back from its report', () => {
  it('takes the hybrid MRR@10 of the first table (not the strict one), the dev split and ask latency', () => {
    const output = [
      'Retrieval by question split (dev / held-out as in research/eval-embedder.ts):',
      '  hybrid: MRR@10 dev 0.812 (R@10 0.950), held-out 0.790 (R@10 0.930)',
      '  lexical: MRR@10 dev 0.700 (R@10 0.900), held-out 0.690 (R@10 0.880)',
      '| ranking | R@1 | R@5 | R@10 | MRR@10 |',
      '|---|---|---|---|---|',
      '| hybrid | 0.700 | 0.900 | 0.950 | 0.805 |',
      '| lexical | 0.600 | 0.850 | 0.900 | 0.700 |',
      '| hybrid | 0.500 | 0.800 | 0.850 | 0.612 |',
      '| ask latency p50 / p95 | 21.5 ms / 80.2 ms |',
    ].join('\n');
    expect(parseEvalFigures(output)).toEqual({ mrrAll: 0.805, mrrDev: 0.812, askP50: 21.5, askP95: 80.2 });
  });

  it('gives NaN for figures a failed or skipped eval did not print', () => {
    const figures = parseEvalFigures('eval: skipped — ../shared/data is not present');
    expect(Number.isNaN(figures.mrrAll) && Number.isNaN(figures.mrrDev) && Number.isNaN(figures.askP50)).toBe(true);
  });
});

describe('benchmark database URLs', () => {
  it('points at another database, keeping credentials and options', () => {
    expect(withDatabase('postgres://bench:s%40cret@db.example:5433/postgres?sslmode=require', 'storydesk_bench_10000')).toBe(
      'postgres://bench:s%40cret@db.example:5433/storydesk_bench_10000?sslmode=require',
    );
  });
});
