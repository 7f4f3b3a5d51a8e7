import { describe, expect, it } from 'vitest';
import type { Stance } from '../../src/core/stance.js';
import type { LabelledPair } from '../../scripts/lib/stance-dataset.js';
import { fncScoreOnMix, scoreStances } from '../../scripts/lib/stance-metrics.js';
import { splitOverlap } from '../stance-split-check.js';

const pair = (claim: string, text: string, label: Stance, group: string): LabelledPair => ({ id: `${claim}|${text}`, claim, text, label, group, dataset: 'fnc1' });

describe('splitOverlap', () => {
  it('counts related claims and texts a test split shares with training, apart from claims seen only as unrelated', () => {
    const training = [pair('bear story', 'bear body', 'agree', 'c1'), pair('nuke story', 'bear body', 'unrelated', 'c1')];
    const test = [
      pair('nuke story', 'nuke body', 'discuss', 'c2'),
      pair('bear story', 'nuke body', 'unrelated', 'c2'),
      pair('bear story', 'other nuke body', 'agree', 'c2'),
    ];
    expect(splitOverlap(training, test)).toEqual({ pairs: 3, relatedClaimSeen: 1, textSeen: 0, claimSeen: 3 });
  });
});

describe('fncScoreOnMix', () => {
  it('gives the plain FNC-1 score on the scored mix and reweighs each gold class on another', () => {
    const gold: Stance[] = ['unrelated', 'unrelated', 'discuss', 'discuss'];
    const predicted: Stance[] = ['unrelated', 'unrelated', 'discuss', 'agree'];
    const scores = scoreStances(gold, predicted);
    expect(fncScoreOnMix(scores, { agree: 0, disagree: 0, discuss: 2, unrelated: 2 })).toBeCloseTo(scores.fncScore);
    // Discuss pairs earn 1.25 of 2 points; with only discuss pairs that is the whole score.
    expect(fncScoreOnMix(scores, { agree: 0, disagree: 0, discuss: 10, unrelated: 0 })).toBeCloseTo(0.625);
    // Classes the scores never saw are left out rather than guessed.
    expect(fncScoreOnMix(scores, { agree: 5, disagree: 0, discuss: 0, unrelated: 4 })).toBeCloseTo(1);
  });
});
