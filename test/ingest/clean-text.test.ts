import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText, furnitureRuleFor, normalizeText } from '../../src/ingest/clean-text.js';
import { FURNITURE_RULES } from '../../src/ingest/furniture-rules.js';

const seedPath = join(import.meta.dirname, '../../corpus/bytedance-huawei-chips-benzinga.md');

/** Lines each rule must remove, one rule at a time. */
const FURNITURE_EXAMPLES: Record<string, string[]> = {
  'see-also': ['See Also: Elon Musk’s X Suspends 5.3M Accounts, Flags 10.6M Posts In First Transparency Report', 'SEE ALSO: Fictional headline'],
  'read-next': ['Read Next:', 'Read more: Fictional Cider Prices Rise Again', 'Also read:', 'Continue reading'],
  related: ['Related:', 'Related: Fictional council votes on budget', 'Related Articles', 'Trending Now', 'More from The Lakeside Ledger'],
  'photo-credit': ['Photo by XanderSt on Shutterstock', 'Photo credit: Jane Placeholder/Example Agency', 'Image courtesy of the fictional museum', 'Photo: Sam Example'],
  'image-caption-label': ['Image caption', 'Image source, Getty Images', 'Media caption, The minister speaking on Monday'],
  'agency-credit': ['(Getty Images)', 'Getty Images', 'AP Photo/Jane Doe', '(Reuters)', 'AP'],
  'wire-credit': ['From USA TODAY Network and wire reports', 'Contributing: Jane Placeholder, Sam Example', 'Contributing: Kim M. Sample, The Fictional Press. Follow Kim on Twitter: @kim'],
  'dateline-only': ['CNN —', 'WASHINGTON (AP) —'],
  separator: ['___', '* * *', '———'],
  'games-promo': ['Need a break? Play the USA TODAY Daily Crossword Puzzle.', 'Need a news break? Check out the all new PLAY hub with puzzles, games and more!'],
  'generated-using': ['This story was generated using Benzinga Neuro and edited by Pooja Rajkumari', 'This article was written with the help of AI tools'],
  'market-news-brought-to-you-by': ['Market News and Data brought to you by Benzinga APIs'],
  'brought-to-you-by': ['Brought to you by Fictional Sponsor Inc'],
  'widget-label': ['Comments', 'Loading...', 'Posted In:', 'Share', '12 Comments', 'Tweet'],
  advertisement: ['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Sponsored'],
  'share-this': ['Share this article', 'Share this story on social media'],
  newsletter: ['Sign up for our newsletter', 'Subscribe to our daily briefing for the top stories', 'Sign up to get breaking news alerts in your inbox'],
  'follow-us': ['Follow us on Twitter', 'Follow The Lakeside Ledger on Facebook and Instagram'],
  'click-here': ['Click here to read the full report', 'Click here for more'],
  copyright: ['© 2024 Benzinga.com. Benzinga does not provide investment advice.', '© The Lakeside Ledger', 'Copyright 2031 Fictional Media Group'],
  'all-rights-reserved': ['All rights reserved.', 'All Rights Reserved'],
  'benzinga-promo': ['Benzinga simplifies the market for smarter investing'],
  'trade-confidently': ['Trade confidently with insights and alerts from analyst ratings, free reports and breaking news that affects the stocks you care about.'],
  'join-now': ['Join Now: Free!', 'Subscribe now', 'Sign in'],
};

/** Real news sentences that share words with furniture rules and must survive cleaning untouched. */
const NEWS_SENTENCES = [
  'Read more than 100 pages a day, the study recommends, and memory improves.',
  'Readers said the photo, taken in 1972, showed the old harbour.',
  'Photos by the agency show that the building collapsed overnight.',
  'The photographer was hired by the campaign in March.',
  'Related companies saw their shares fall 2.4% on Monday.',
  'Comments made by the minister drew criticism from the opposition.',
  'Share prices rose after the announcement.',
  'Sign language interpreters will attend every briefing.',
  'Advertisement spending fell by $3.5 billion last year, the report said.',
  'Copyright law is changing fast in the U.S. and Europe.',
  'All rights reserved for residents were restored by the court, the judge said.',
  'Follow-up inspections found no further damage.',
  'Click-through rates fell sharply, the company said.',
  'Image rights were at the heart of the dispute.',
  'Reuters reported on Monday that the talks had stalled.',
  'The museum was brought to you by volunteers, the mayor joked at the opening, before thanking them.',
  'See the full list of winners below.',
  'Why It Matters: ByteDance’s move to use Huawei chips for AI model training comes amid escalating U.S.-China tech tensions.',
  'Michael Hughes, a TikTok spokesperson, stated, “The entire premise here is wrong. No new model is being developed.”',
  'Loading docks at the port were closed for two days.',
  'Posted into the wrong account, the payment took a week to recover.',
  'Trending topics included the election and the weather.',
  'Contributing factors included the weather and a late start, investigators said.',
  'AP reporters saw the convoy arrive at dawn.',
  'Need a break? Officials said the beach would reopen on Friday.',
  'WASHINGTON (AP) — The Senate passed the bill on Tuesday.',
];

describe('furniture rules', () => {
  it('has an example for every rule, and the ids are unique', () => {
    const ids = FURNITURE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(FURNITURE_EXAMPLES).sort()).toEqual([...ids].sort());
  });

  for (const rule of FURNITURE_RULES) {
    it(`rule "${rule.id}" removes ${rule.description}`, () => {
      for (const line of FURNITURE_EXAMPLES[rule.id] ?? []) expect(furnitureRuleFor(line)?.id, line).toBe(rule.id);
    });
  }

  it.each(NEWS_SENTENCES)('keeps the news sentence %j', (sentence) => {
    expect(furnitureRuleFor(sentence)).toBeNull();
    expect(cleanText(`First paragraph of the story.\n\n${sentence}\n\nLast paragraph of the story.`)).toContain(sentence);
  });

  it('never fires inside a line: furniture words mid-paragraph stay', () => {
    const paragraph = 'The mayor said voters could read more about it online. Advertisement revenue fell. Photo by photo, the archive grew.';
    expect(cleanText(paragraph)).toBe(paragraph);
  });

  it('cuts everything after a truncate-from-here footer, and only drops the line for drop-line rules', () => {
    expect(cleanText('Story text.\n\nMarket News and Data brought to you by Benzinga APIs\nA line after the footer.')).toBe('Story text.');
    expect(cleanText('Story text.\n\nAdvertisement\n\nMore story text.')).toBe('Story text.\n\nMore story text.');
  });
});

describe('cleanText', () => {
  it('normalises line ends, control characters, spaces and blank lines', () => {
    const raw = '\uFEFFFirst\u00a0 line\t\twith  spaces.\r\nSecond\u0007 line.\r\n\r\n\r\n\r\nThird\u200b line.  ';
    expect(cleanText(raw)).toBe('First line with spaces.\nSecond line.\n\nThird line.');
  });

  it('composes characters to NFC so quotes match what a reader types', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Café');
  });

  it('cleans the seed article: all its furniture goes, every real sentence stays', () => {
    const seed = readFileSync(seedPath, 'utf8');
    const cleaned = cleanText(seed.split('---\n').slice(2).join('---\n'));
    for (const furniture of [
      'See Also:',
      'Read Next',
      'Photo by',
      'This story was generated using',
      'Market News and Data brought to you by',
      'Comments',
      'Loading...',
      'Posted In',
      'Benzinga simplifies the market',
      'Trade confidently with insights',
      'Join Now',
    ]) {
      expect(cleaned, furniture).not.toContain(furniture);
    }
    for (const sentence of [
      'ByteDance, the parent company of TikTok, reportedly plans to develop a new AI model using chips from Huawei Technologies.',
      'What Happened: The decision comes as U.S. restrictions on advanced AI chip exports, such as those from Nvidia, push ByteDance to seek domestic suppliers.',
      'Michael Hughes, a TikTok spokesperson, stated, “The entire premise here is wrong. No new model is being developed.”',
      'Huawei has yet to respond to Benzinga’s queries.',
      'Why It Matters: ByteDance’s move to use Huawei chips for AI model training comes amid escalating U.S.-China tech tensions.',
      'This collaboration aimed to secure a stable supply of high-end chips.',
      'ByteDance argued that the U.S. could have considered alternatives to banning the app, as detailed in a court filing in June.',
    ]) {
      expect(cleaned).toContain(sentence);
    }
    expect(cleaned.endsWith('as detailed in a court filing in June.')).toBe(true);
  });
});
