/**
 * Page furniture: lines that news sites wrap around an article (navigation, promotion, credits, widgets)
 * and that must never be indexed or quoted. The rules are data so each one can be read, tested and
 * reasoned about on its own. Every pattern is matched against ONE whole trimmed line (anchored by the
 * cleaner), so a rule only fires on lines that consist of the furniture, never on a real sentence that
 * merely contains words like "read", "photo" or "comments".
 */

/** What to do with a line that matches. */
export type FurnitureAction = 'drop-line' | 'truncate-from-here';

/** One furniture rule. */
export interface FurnitureRule {
  /** Stable kebab-case name, used in tests. */
  id: string;
  /** What the rule removes and why it is safe. */
  description: string;
  /** RegExp source, matched case-insensitively against a whole trimmed line (the cleaner anchors it). */
  pattern: string;
  /**
   * `drop-line` removes the line only; `truncate-from-here` removes it and everything after it, for
   * end-of-article blocks that are unambiguous (nothing real ever follows them).
   */
  action: FurnitureAction;
}

/** The furniture rules, in the order they are tried. */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  {
    id: 'see-also',
    description: '"See Also: <headline>" cross-links inserted between paragraphs',
    pattern: String.raw`see also\s*:.*`,
    action: 'drop-line',
  },
  {
    id: 'read-next',
    description: '"Read Next:" / "Read More:" / "Also Read:" link labels, alone or followed by a headline after the colon',
    // A headline may follow only after a colon: "Read more than 100 pages…" is a sentence, not a label.
    pattern: String.raw`(?:read next|read more|also read|more reading|continue reading)\s*(?:[:.…»›>]*|:\s*\S.*)`,
    action: 'drop-line',
  },
  {
    id: 'related',
    description: '"Related:" / "Related Articles" / "Recommended" / "Trending" / "More:" / "More from …" link labels',
    pattern: String.raw`(?:related(?: articles?| stories| coverage| content| news)?|recommended(?: for you| stories)?|trending(?: now)?|more|more from [^.!?]{1,60}|most (?:read|popular))\s*(?::.*)?`,
    action: 'drop-line',
  },
  {
    id: 'photo-credit',
    description: '"Photo by …", "Photo: …", "Photo credit …", "Image courtesy …" credit lines',
    // Singular only and no sentence end inside: "Photos by the agency show…" reads as news, not a credit.
    pattern: String.raw`(?:photo|photograph|image|picture|illustration)\s*(?:by|credit|credits|courtesy(?: of)?)\b\s*:?\s*[^.!?]{0,100}\.?|(?:photo|image|picture|illustration)\s*:\s*[^.!?]{1,100}\.?`,
    action: 'drop-line',
  },
  {
    id: 'image-caption-label',
    description: '"Image caption" / "Media caption" / "Image source, …" labels (BBC-style)',
    pattern: String.raw`(?:image|media|video) (?:caption|source)\b.*`,
    action: 'drop-line',
  },
  {
    id: 'agency-credit',
    description: 'a bare agency credit such as "(Getty Images)" or "AP Photo/Jane Doe"',
    pattern: String.raw`[(\[]?(?:getty images|ap photo|ap|reuters|afp|shutterstock|istock|epa|bloomberg)(?:\s*(?:via getty images|/[^)\]]{1,60}))?[)\]]?\.?`,
    action: 'drop-line',
  },
  {
    id: 'generated-using',
    description: '"This story was generated using …" production notes',
    pattern: String.raw`this (?:story|article|report|post) (?:was|has been) (?:generated|written|produced|created) (?:using|with|by the help of)\b.*`,
    action: 'drop-line',
  },
  {
    id: 'market-news-brought-to-you-by',
    description: 'Benzinga\'s "Market News and Data brought to you by …" footer: nothing after it is the article',
    pattern: String.raw`market news and data brought to you by\b.*`,
    action: 'truncate-from-here',
  },
  {
    id: 'brought-to-you-by',
    description: 'other "Brought to you by …" sponsor lines (only the line: they also appear at the top)',
    pattern: String.raw`brought to you by\b[^.!?]{0,100}\.?`,
    action: 'drop-line',
  },
  {
    id: 'widget-label',
    description: 'one-word widget labels: Comments, Loading..., Posted In:, Share, Tweet, Email, Print',
    pattern: String.raw`(?:comments?|\d+ comments?|loading(?:\.\.\.|…)?|posted in\s*:?|filed under\s*:?|tags\s*:|share|tweet|email|print|save|copy link|share on (?:facebook|twitter|x|linkedin))`,
    action: 'drop-line',
  },
  {
    id: 'advertisement',
    description: '"Advertisement" / "Sponsored" / "Story continues below advertisement" markers',
    pattern: '(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: this)? advertisement|scroll to continue(?: with content)?)',
    action: 'drop-line',
  },
  {
    id: 'share-this',
    description: '"Share this article" / "Share this story" prompts',
    pattern: String.raw`share (?:this|the) (?:article|story|post|page)\b.*`,
    action: 'drop-line',
  },
  {
    id: 'newsletter',
    description: '"Sign up for our newsletter", "Subscribe to our daily briefing" promotions',
    pattern: String.raw`(?:sign up|subscribe)\b.{0,80}\b(?:newsletters?|briefings?|alerts|updates|inbox|emails?)\b.*`,
    action: 'drop-line',
  },
  {
    id: 'follow-us',
    description: '"Follow us on Twitter …" social prompts',
    pattern: String.raw`follow (?:us|me|[a-z ]{1,30}) on (?:twitter|x|facebook|instagram|linkedin|threads|tiktok|youtube|bluesky|mastodon|google news|social media)\b.*`,
    action: 'drop-line',
  },
  {
    id: 'click-here',
    description: '"Click here to …" calls to action',
    pattern: String.raw`click here\b.*`,
    action: 'drop-line',
  },
  {
    id: 'copyright',
    description: '"© 2024 Publisher" / "Copyright 2024 …" notices',
    // "Copyright law is changing" is news: the word alone needs a year or a © after it.
    pattern: String.raw`©\s*.{0,150}|(?:\(c\)|copyright\s*(?:©|\(c\))?)\s*\d{4}\b.{0,150}`,
    action: 'drop-line',
  },
  {
    id: 'all-rights-reserved',
    description: 'an "All rights reserved." line',
    pattern: String.raw`all rights reserved\.?`,
    action: 'drop-line',
  },
  {
    id: 'wire-credit',
    description: '"From USA TODAY Network and wire reports" / "Contributing: Jane Doe" reporting credits',
    pattern: String.raw`(?:from )?[^.!?]{0,60}\band wire reports\.?|contributing(?: reporters?| writers?| reporting)?\s*:\s*.{1,600}`,
    action: 'drop-line',
  },
  {
    id: 'dateline-only',
    description: 'a dateline left alone on its line ("CNN —", "WASHINGTON (AP) —"): no statement in it',
    pattern: String.raw`[^.!?\n]{1,40}\s[—–]`,
    action: 'drop-line',
  },
  {
    id: 'separator',
    description: 'a line of separator characters ("___", "* * *", "———")',
    pattern: String.raw`(?:[_*=~•·—–-]\s*){3,}`,
    action: 'drop-line',
  },
  {
    id: 'games-promo',
    description: 'puzzle and games promotions ("Need a break? Play the Daily Crossword Puzzle.")',
    // Only with the games named: "Need a break? Officials said the beach would reopen" is news.
    pattern: String.raw`(?:need a (?:news )?break\?|looking for a free mini puzzle\?).{0,150}\b(?:puzzles?|crosswords?|games|quick cross)\b.{0,60}`,
    action: 'drop-line',
  },
  {
    id: 'benzinga-promo',
    description: 'Benzinga\'s end-of-article promotion: "Benzinga simplifies the market for smarter investing"',
    pattern: String.raw`benzinga simplifies the market\b.*`,
    action: 'truncate-from-here',
  },
  {
    id: 'trade-confidently',
    description: 'Benzinga\'s promotion "Trade confidently with insights and alerts …"',
    pattern: String.raw`trade confidently with insights\b.*`,
    action: 'drop-line',
  },
  {
    id: 'join-now',
    description: '"Join Now: Free!" / "Subscribe now" / "Sign up now" buttons',
    pattern: String.raw`(?:join now|sign up now|subscribe now|subscribe today|start your free trial|log in|sign in)(?:\s*[:!.-]?\s*(?:free|now|today|here)?\s*!?)?`,
    action: 'drop-line',
  },
];
