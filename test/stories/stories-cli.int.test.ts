import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { FIXTURE_ARTICLES, type FixtureArticle } from './story-fixtures.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

/** Runs the CLI exactly as outside scripts do: `npm run -s cli -- ...`. */
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? '', code: failed.code ?? 1 };
  }
}

function writeCorpus(path: string, fixtures: FixtureArticle[]): void {
  const lines = fixtures.map(({ id, title, body, source, published }) =>
    JSON.stringify({ id, title, body, source, url: `https://news.invalid/${id}`, published }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
}

interface StoryJson {
  id: string;
  title: string;
  articleIds: string[];
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

interface CitationJson {
  articleId: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  quote: string;
  start: number;
  end: number;
}

describe('stories CLI contract', () => {
  const temp = makeTempDir();
  const data = join(temp.path, 'data');
  const corpus = join(temp.path, 'corpus');
  afterAll(() => temp.remove());

  const bridgeUpdate: FixtureArticle = {
    id: 'quillon-bridge-update',
    event: 'bridge',
    title: 'Quillon harbour bridge span to be replaced, transit authority says',
    source: 'Harbour Herald',
    published: '2031-03-18',
    body: 'The cracked main span of the Quillon harbour bridge cannot be repaired and will be replaced, the Quillon Transit Authority said on Thursday. The bridge will stay closed until the summer, and extra ferries will keep running.',
  };
  let before: StoryJson[] = [];

  it('stories --json lists every ingested article in exactly one story, most recently active first', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(corpus, { recursive: true });
    writeCorpus(join(corpus, 'articles.jsonl'), FIXTURE_ARTICLES);
    expect((await cli('ingest', '--corpus', corpus, '--data', data, '--json')).code).toBe(0);

    const { stdout, code } = await cli('stories', '--json', '--data', data);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { stories: StoryJson[] };
    before = parsed.stories;
    for (const story of before) expect(Object.keys(story)).toEqual(['id', 'title', 'articleIds', 'sources', 'firstSeen', 'lastSeen']);
    expect(before.flatMap((story) => story.articleIds).sort()).toEqual(FIXTURE_ARTICLES.map((fixture) => fixture.id).sort());
    const lastSeen = before.map((story) => story.lastSeen ?? '');
    expect(lastSeen).toEqual([...lastSeen].sort().reverse());
    const bridge = before.find((story) => story.articleIds.includes('quillon-bridge-gazette'));
    expect(bridge?.articleIds).toEqual(['quillon-bridge-gazette', 'quillon-bridge-herald', 'quillon-bridge-courier']);
    expect(bridge?.sources).toEqual(['The Quillon Gazette', 'Harbour Herald', 'Velmont Courier']);
  });

  it('story QUERY --json shows the timeline by date with verbatim citations, and the denial with both sides cited', async () => {
    const { stdout, code } = await cli('story', 'Quillon bridge cracks', '--json', '--data', data);
    expect(code).toBe(0);
    const story = JSON.parse(stdout) as StoryJson & {
      timeline: { date: string | null; text: string; citation: CitationJson }[];
      disputes: { claim: string; counter: string; kind: string; claimCitation: CitationJson; counterCitation: CitationJson; disputedBy: string | null }[];
    };
    expect(story.articleIds).toContain('quillon-bridge-gazette');
    expect(story.timeline.map((entry) => entry.date)).toEqual(['2031-03-03', '2031-03-04', '2031-03-05']);
    const bodies = new Map(FIXTURE_ARTICLES.map((fixture) => [fixture.id, fixture.body]));
    for (const entry of story.timeline) {
      expect(entry.text).toBe(entry.citation.quote);
      expect(bodies.get(entry.citation.articleId)?.slice(entry.citation.start, entry.citation.end)).toBe(entry.citation.quote);
    }
    expect(story.timeline[0]?.text).toMatch(/^Engineers closed the Quillon harbour bridge/);
    const denial = story.disputes.find((dispute) => dispute.kind === 'denied');
    expect(denial?.claim).toMatch(/faulty bolts/);
    expect(denial?.counter).toMatch(/denied that its bolts were faulty/);
    expect(denial?.claimCitation.articleId).toBe('quillon-bridge-gazette');
    expect(denial?.counterCitation.articleId).toBe('quillon-bridge-herald');
    expect(bodies.get('quillon-bridge-herald')?.slice(denial?.counterCitation.start, denial?.counterCitation.end)).toBe(denial?.counter);

    // The same story by its id, and readable output without --json.
    const byId = await cli('story', story.id, '--data', data);
    expect(byId.stdout).toContain('Timeline');
    expect(byId.stdout).toContain('2031-03-03');
    expect(byId.stdout).toContain('Disputed');
  });

  it('keeps story ids on re-ingest and when a new article joins, and drops stories whose articles are removed', async () => {
    const idOf = (list: StoryJson[], articleId: string) => list.find((story) => story.articleIds.includes(articleId))?.id;
    const withoutBakery = FIXTURE_ARTICLES.filter((fixture) => fixture.id !== 'eastwick-bakery');
    writeCorpus(join(corpus, 'articles.jsonl'), [...withoutBakery, bridgeUpdate]);
    expect((await cli('ingest', '--corpus', corpus, '--data', data, '--json')).code).toBe(0);
    const after = (JSON.parse((await cli('stories', '--json', '--data', data)).stdout) as { stories: StoryJson[] }).stories;
    for (const fixture of withoutBakery) expect(idOf(after, fixture.id)).toBe(idOf(before, fixture.id));
    expect(idOf(after, bridgeUpdate.id)).toBe(idOf(before, 'quillon-bridge-gazette'));
    expect(idOf(after, 'eastwick-bakery')).toBeUndefined();
    expect(after.map((story) => story.id)).not.toContain(idOf(before, 'eastwick-bakery'));
    expect(after[0]?.id).toBe(idOf(before, 'quillon-bridge-gazette'));
  });

  it('story exits non-zero with a clear message when nothing matches', async () => {
    const empty = join(temp.path, 'empty-data');
    const { code, stderr } = await cli('story', 'anything at all', '--json', '--data', empty);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/No story matches/);
  });
});
