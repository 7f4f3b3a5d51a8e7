import { describe, expect, it } from 'vitest';
import { descendantsOf, parseParentPid, parseSmapsRollup, processTreeMemory } from '../../scripts/lib/process-memory.js';

describe('process tree memory (server memory in the store benchmark)', () => {
  it('reads Rss and Pss from smaps_rollup, not the Pss_Anon or Shared lines beside them', () => {
    const text = [
      '55d0c0a00000-7ffd1c1f6000 ---p 00000000 00:00 0                          [rollup]',
      'Rss:              145320 kB',
      'Pss:               31211 kB',
      'Pss_Anon:           2048 kB',
      'Shared_Clean:      12000 kB',
    ].join('\n');
    expect(parseSmapsRollup(text)).toEqual({ rssKb: 145320, pssKb: 31211 });
  });

  it('finds the parent pid after a command name holding spaces and brackets', () => {
    expect(parseParentPid('4242 (postgres: walwriter) S 4100 4100 4100 0 -1 4194560')).toBe(4100);
    expect(parseParentPid('77 (a (b) c) R 12 77 77 0')).toBe(12);
  });

  it('collects a server and all its descendants, and nothing else', () => {
    const parentOf = new Map([
      [10, 1],
      [11, 10],
      [12, 10],
      [13, 12],
      [20, 1],
    ]);
    expect(descendantsOf(10, parentOf).sort()).toEqual([10, 11, 12, 13]);
  });

  it('measures this very process from /proc', () => {
    const memory = processTreeMemory(process.pid);
    expect(memory.processes).toBeGreaterThanOrEqual(1);
    expect(memory.rssMb).toBeGreaterThan(10);
    expect(memory.pssMb).toBeGreaterThan(0);
  });
});
