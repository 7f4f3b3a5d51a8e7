import { describe, expect, it } from 'vitest';
import { isHeldOutQuestion } from '../../scripts/lib/rtqa-split.js';
import { sharedDataDir } from '../../scripts/lib/shared-data.js';
import { loadTrainingPairs } from '../train-embedder-pairs.js';
import { isHeldOut } from '../../scripts/lib/stance-dataset.js';

const dataDir = sharedDataDir();
if (dataDir === null) console.warn('Skipping the embedder training-pairs test: no development data at ../shared/data');

describe.skipIf(dataDir === null)('embedder training pairs from the development data', () => {
  it('keep out every FNC-1 / Emergent group the stance engine holds out, bodies included', () => {
    const pairs = loadTrainingPairs(dataDir ?? '', {
      passagesPerArticle: 3,
      clozePassagesPerArticle: 8,
      excludeRelevantTo: 'all-questions',
      isHeldOut: isHeldOutQuestion,
      sources: new Set(['fnc1', 'emergent', 'ict'] as const),
    });
    const stanceGroups = pairs.filter((pair) => pair.group.startsWith('fnc1-') || pair.group.startsWith('emergent-'));
    expect(stanceGroups.length).toBeGreaterThan(1000);
    expect(stanceGroups.filter((pair) => isHeldOut(pair.group))).toEqual([]);
  });
});
