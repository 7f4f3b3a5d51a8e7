import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerStanceCommand } from '../../src/cli/commands/stance.js';

const folder = mkdtempSync(join(tmpdir(), 'storydesk-stance-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const program = new Command().exitOverride();
  registerStanceCommand(program, { write: (line) => void lines.push(line) });
  await program.parseAsync(['node', 'storydesk', ...args]);
  return lines;
}

describe('stance --pairs FILE --json', () => {
  it('prints one {"id","stance"} line per pair in input order and reports unreadable lines without stopping', async () => {
    const file = join(folder, 'pairs.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({
          id: 'a',
          claim: 'ByteDance will use Huawei chips',
          text: 'ByteDance denied it will use Huawei chips, calling the report false.',
        }),
        'this is not json',
        JSON.stringify({ id: 7, claim: 'missing text' }),
        '',
        JSON.stringify({
          id: 'b',
          claim: 'ByteDance will use Huawei chips',
          text: 'Heavy rain flooded two farms north of the river.',
        }),
      ].join('\n'),
    );
    const lines = (await run(['stance', '--pairs', file, '--json'])).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ id: 'a', stance: 'disagree' });
    expect(lines[1]).toMatchObject({ id: null, stance: 'unrelated' });
    expect(lines[1]?.error).toMatch(/line 2/);
    expect(lines[2]).toMatchObject({ id: 7, stance: 'unrelated' });
    expect(lines[2]?.error).toMatch(/claim","text/);
    expect(lines[3]).toEqual({ id: 'b', stance: 'unrelated' });
  });

  it('judges a single pair given with --claim and --text', async () => {
    const lines = await run(['stance', '--claim', 'The council approved the budget', '--text', 'Heavy rain flooded two farms.', '--json']);
    expect(lines.map((line) => JSON.parse(line))).toEqual([{ id: null, stance: 'unrelated' }]);
  });
});
