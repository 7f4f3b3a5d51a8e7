/*
 * Chat platforms put tokens into a message that are addressed to people, not to the bot's search: Slack
 * mentions (<@U123>, <@U123|name>), broadcasts (<!channel>, <!here>, <!subteam^S1>), channel links
 * (<#C123|general>), Discord mentions (<@123>, <@!123>, <@&123>, <#123>), custom emoji (<:name:123>), bare
 * @everyone / @here / @channel, shortcodes (:tada:), pictographic emoji and links. None of them carries a
 * word the articles could hold, and each one left in lowers the share of the question's terms that a
 * sentence covers, so an answerable question abstains.
 */
const ANGLE_TOKEN = /<(?:@[!&]?[\w-]+(?:\|[^>]*)?|![\w^-]+(?:\|[^>]*)?|#[\w-]+(?:\|[^>]*)?|a?:\w+:\d+|t:\d+(?::\w)?)>/g;
const BROADCAST = /(?:^|\s)@(?:everyone|here|channel)\b/gi;
/** A Slack link with a label keeps its label, which the user wrote ("<https://…|the report>"). */
const LABELLED_LINK = /<https?:\/\/[^|>\s]+\|([^>]*)>/gi;
const LINK = /<?https?:\/\/[^\s>]+>?/gi;
const SHORTCODE = /(?:^|\s):[a-z0-9_+-]+:(?=\s|$)/gi;
// An alternation, not one character class: a joiner (U+200D) between two emoji would otherwise read as one.
const PICTOGRAPH = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** The words of a chat message that a question is made of: mention tokens, links and emoji removed. */
export function cleanQuestion(text: string): string {
  const cleaned = text
    .replace(ANGLE_TOKEN, ' ')
    .replace(LABELLED_LINK, ' $1 ')
    .replace(LINK, ' ')
    .replace(BROADCAST, ' ')
    .replace(SHORTCODE, ' ')
    .replace(PICTOGRAPH, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Punctuation left dangling by a removed token (" ?", "( )") is tidied, not kept as a word.
  return cleaned.replace(/\s+([?.!,;:])/g, '$1').replace(/\(\s*\)/g, '').trim();
}
