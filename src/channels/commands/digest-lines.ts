import type { DisputeKind } from '../../core/answer.js';
import type { Digest, DigestClaim, DigestConfirmation, DigestDispute, DigestStory } from '../../stories/digest/digest.js';
import type { InlineFormat } from '../answer-lines.js';
import { truncateText } from '../truncate-text.js';

/** How a platform writes inline formatting and links; Slack mrkdwn, Discord markdown or plain text. */
export interface DigestFormat extends InlineFormat {
  link(url: string | null, label: string): string;
}

/** Options of the chat digest renderers. */
export interface DigestRenderOptions {
  /** The web page of a story ("Full timeline"), when STORYDESK_PUBLIC_URL is set. */
  storyUrl?: (storyId: string) => string | undefined;
}

/** Plain text for the terminal and the CLI: nothing escaped, links as "label <url>". */
export const plainDigestFormat: DigestFormat = {
  escape: (text) => text,
  bold: (text) => text,
  italic: (text) => text,
  link: (url, label) => (url ? `${label} <${url}>` : label),
};

const DISPUTE_LABEL: Record<DisputeKind, string> = {
  denied: 'Denied',
  contradicted: 'Contradicted',
  unverified: 'Not verified',
};

/** Longest quote shown; quotes are verbatim, so a cut one ends with an ellipsis. */
const MAX_QUOTE_CHARS = 280;

/** The one-line title of a digest, e.g. `Digest: "port strike" — 3 new articles in 1 story`. */
export function digestHeadline(digest: Digest): string {
  const articles = digest.stories.reduce((sum, story) => sum + story.newArticleCount, 0);
  const what = digest.targetKind === 'query' ? `"${digest.target}"` : (digest.stories[0]?.title ?? digest.target);
  if (digest.stories.length === 0) return `Digest: ${what} — nothing new`;
  const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `Digest: ${what} — ${plural(articles, 'new article')} in ${plural(digest.stories.length, 'story')}`.replace('storys', 'stories');
}

/** The date part of an ISO date, or null. */
function day(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}

/** A quoted claim with its outlet, date and link. */
export function formatDigestClaim(claim: DigestClaim, format: DigestFormat): string {
  const quote = truncateText(claim.text.replace(/\s+/g, ' ').trim(), MAX_QUOTE_CHARS);
  const { citation } = claim;
  const meta = [citation.source ?? 'Unknown outlet', day(citation.published)].filter((part): part is string => part !== null).join(', ');
  return `${format.italic(`“${format.escape(quote)}”`)} — ${format.link(citation.url, meta)}`;
}

/** A dispute, flagged, with both sides cited. */
export function formatDigestDispute(dispute: DigestDispute, format: DigestFormat): string[] {
  const label = `⚠️ ${DISPUTE_LABEL[dispute.kind]}${dispute.change === 'newly_disputed' ? ' (newly disputed)' : ' (new dispute)'}`;
  return [
    `${format.bold(format.escape(label))}: ${formatDigestClaim(dispute.claim, format)}`,
    // Who disputes it is named only when the quote itself does not already say so.
    `    ↳ ${format.escape(dispute.disputedBy && !dispute.counter.text.includes(dispute.disputedBy) ? `${dispute.disputedBy}: ` : '')}${formatDigestClaim(dispute.counter, format)}`,
  ];
}

/** An earlier claim and the new report that confirms it, both cited. */
export function formatDigestConfirmation(confirmation: DigestConfirmation, format: DigestFormat): string[] {
  return [
    `${format.bold(format.escape('✅ Confirmed'))}: ${formatDigestClaim(confirmation.claim, format)}`,
    `    ↳ ${format.escape(confirmation.confirmedBy ? `${confirmation.confirmedBy}: ` : '')}${formatDigestClaim(confirmation.confirmation, format)}`,
  ];
}

/** The sections of one story, as lists of lines: new articles, key claims, disputes, confirmations. */
export function formatDigestStory(
  story: DigestStory,
  format: DigestFormat,
): { title: string; articles: string[]; claims: string[]; disputes: string[]; confirmations: string[] } {
  const articles = story.newArticles.map((article) => {
    const meta = [article.source, day(article.published)].filter((part): part is string => part !== null).join(', ');
    const also = article.otherOutlets.length > 0 ? ` (also ${article.otherOutlets.map((outlet) => format.link(outlet.url, outlet.source ?? 'another outlet')).join(', ')})` : '';
    return `• ${format.link(article.url, article.title)}${meta ? ` — ${format.escape(meta)}` : ''}${also}`;
  });
  const hidden = story.newArticleCount - story.newArticles.length;
  if (hidden > 0) articles.push(format.italic(format.escape(`…and ${hidden} more`)));
  // A claim that is part of a dispute or a confirmation is shown there, with its other side, not twice.
  const shownWithOtherSide = new Set([
    ...story.disputes.flatMap((dispute) => [dispute.claim.text, dispute.counter.text]),
    ...story.confirmations.map((confirmation) => confirmation.confirmation.text),
  ]);
  const claims = story.claims.filter((claim) => !shownWithOtherSide.has(claim.text)).map((claim) => `• ${formatDigestClaim(claim, format)}`);
  const disputes = story.disputes.flatMap((dispute) => formatDigestDispute(dispute, format));
  const confirmations = story.confirmations.flatMap((confirmation) => formatDigestConfirmation(confirmation, format));
  return { title: story.title, articles, claims, disputes, confirmations };
}

/** A whole digest as plain lines (CLI, terminal, and the fallback text of chat messages). */
export function formatDigestText(digest: Digest, format: DigestFormat = plainDigestFormat): string {
  const lines = [format.bold(format.escape(digestHeadline(digest)))];
  for (const story of digest.stories) {
    const parts = formatDigestStory(story, format);
    lines.push('', format.bold(format.escape(`${parts.title} [${story.storyId}]`)));
    if (parts.articles.length > 0) lines.push('New articles:', ...parts.articles);
    if (parts.claims.length > 0) lines.push('Key claims:', ...parts.claims);
    if (parts.disputes.length > 0) lines.push('Disputes:', ...parts.disputes);
    if (parts.confirmations.length > 0) lines.push('Confirmed:', ...parts.confirmations);
  }
  return lines.join('\n');
}
