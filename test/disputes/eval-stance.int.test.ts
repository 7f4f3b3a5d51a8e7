import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const dataDir = resolve(process.env.STORYDESK_SHARED_DATA ?? join(repoRoot, '..', 'shared', 'data'));
const hasData = existsSync(join(dataDir, 'fnc1_stance_input.jsonl')) && existsSync(join(dataDir, 'emergent_stance.jsonl'));
if (!hasData) console.warn(`Skipping the stance evaluation smoke test: no development data at ${dataDir}`);

describe.skipIf(!hasData)('npm run eval:stance on a small sample of the development sets', () => {
  it('prints the engine and the baseline for each set, the engine ahead on macro-F1 and Emergent accuracy', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'eval-stance.ts'), '--sample', '600', '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    type Scores = { fncScore: number; accuracy: number; macroF1: number };
    const report = JSON.parse(result.stdout) as {
      runs: { set: string; engine: Scores; baseline: Scores }[];
    };
    expect(report.runs.map((run) => run.set)).toHaveLength(4);
    for (const run of report.runs) {
      expect(run.engine.fncScore).toBeGreaterThan(0.5);
      expect(run.engine.fncScore).toBeLessThanOrEqual(1);
    }
    // On held-out FNC-1 the FNC score of "discuss for every related pair" is hard to beat (the held-out
    // clusters are discuss-heavy); macro-F1 shows whether the engine tells the classes apart.
    const fnc = report.runs.find((run) => run.set === 'FNC-1 held-out');
    const emergent = report.runs.find((run) => run.set === 'Emergent held-out');
    expect(fnc?.engine.macroF1).toBeGreaterThan(fnc?.baseline.macroF1 ?? 1);
    expect(emergent?.engine.accuracy).toBeGreaterThan(emergent?.baseline.accuracy ?? 1);
  });
});
