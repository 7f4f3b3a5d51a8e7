import type { ClaimCounter, DisputedClaim, StoryConfirmation, StoryDetail, TimelineEntry } from '../stories/story-view.js';
import { articlesChart, chartSummary } from './articles-chart.js';
import type { ArticlesPerDay } from './articles-per-day.js';
import { quoted } from './citation-line.js';
import { type Html, h } from './html.js';
import { page } from './layout.js';
import { type ClaimStatus, statusChip } from './status-chip.js';
import { badgeList, badgesOf } from './story-badges.js';
import { isoDay, plural, readableDay, readableSpan } from './web-format.js';

/** What the story page shows. */
export interface StoryPageView {
  base: string;
  story: StoryDetail;
  perDay: ArticlesPerDay;
}

function spanKey(citation: { articleId: string; start: number }): string {
  return `${citation.articleId}:${citation.start}`;
}

/** " by Michael Hughes", unless the quote already names who says it. */
function byWhom(who: string | undefined, quote: string): string {
  return who && !quote.includes(who) ? ` by ${who}` : '';
}

function counterBlock(counter: ClaimCounter, claim: DisputedClaim): Html {
  return h`<div class="counter side-counter kind-${counter.kind}">
<p class="side-label">${statusChip(counter.kind, byWhom(counter.disputedBy, counter.text))}</p>
${quoted(counter.text, counter.citation, claim.citation)}
</div>`;
}

function disputeCard(claim: DisputedClaim, index: number): Html {
  // The card's heading is the claim's status: each kind of counter it meets, strongest first.
  const kinds = [...new Set(claim.counters.map((counter) => counter.kind))];
  return h`<li><article class="card dispute" aria-labelledby="dispute-${index}">
<h3 id="dispute-${index}" class="dispute-status"><span class="visually-hidden">Claim ${index + 1}: </span>${kinds.map((kind) => statusChip(kind))}</h3>
<div class="sides">
<section class="side side-claim" aria-label="The claim">
<p class="side-label side-heading">Claim</p>
${quoted(claim.claim, claim.citation)}
</section>
<section class="side" aria-label="The other side">
<p class="side-label side-heading">The other side</p>
${claim.counters.map((counter) => counterBlock(counter, claim))}
</section>
</div>
</article></li>`;
}

function confirmationCard(confirmation: StoryConfirmation, index: number): Html {
  return h`<li><article class="card" aria-labelledby="confirmation-${index}">
<h3 id="confirmation-${index}">${statusChip('confirmed', byWhom(confirmation.confirmedBy, confirmation.confirmation))}<span class="visually-hidden"> claim ${index + 1}</span></h3>
<div class="sides">
<section class="side side-claim" aria-label="The claim"><p class="side-label side-heading">Claim</p>${quoted(confirmation.claim, confirmation.claimCitation)}</section>
<section class="side side-confirm" aria-label="The later report"><p class="side-label side-heading">Later report</p>${quoted(confirmation.confirmation, confirmation.confirmationCitation, confirmation.claimCitation)}</section>
</div>
</article></li>`;
}

/** Each timeline quote's status: its strongest dispute, a later confirmation, or simply reported. */
function statusesOf(story: StoryDetail): Map<string, ClaimStatus> {
  const statuses = new Map<string, ClaimStatus>();
  for (const confirmation of story.confirmations) statuses.set(spanKey(confirmation.claimCitation), 'confirmed');
  for (const claim of story.disputedClaims) statuses.set(spanKey(claim.citation), claim.counters[0]?.kind ?? 'disputed');
  return statuses;
}

function timelineItem(entry: TimelineEntry, status: ClaimStatus): Html {
  const day = isoDay(entry.date);
  return h`<li>
<p class="when">${day ? h`<time datetime="${day}">${readableDay(day)}</time>` : h`<span>Undated</span>`}<span>${entry.citation.source ?? 'Unknown outlet'}</span>${statusChip(status)}</p>
${quoted(entry.text, entry.citation)}
</li>`;
}

/** A story: its rhythm, its disputed claims with both sides side by side, later confirmations, and the timeline. */
export function storyPage(view: StoryPageView): Html {
  const { story, base, perDay } = view;
  const statuses = statusesOf(story);
  const outlets = story.sources.length > 0 ? `${plural(story.sources.length, 'outlet')}: ${story.sources.join(', ')}` : 'outlet unknown';
  const disputes =
    story.disputedClaims.length > 0
      ? h`<section aria-labelledby="disputes-heading">
<h2 id="disputes-heading">Disputed claims</h2>
<p class="lede">Each claim beside the statements that deny, contradict or could not verify it, quoted as published.</p>
<ol class="dispute-list">${story.disputedClaims.map(disputeCard)}</ol>
</section>`
      : h`<section aria-labelledby="disputes-heading"><h2 id="disputes-heading">Disputed claims</h2><p class="empty">No claim in this story is denied, contradicted or reported as unverified.</p></section>`;
  const confirmations =
    story.confirmations.length > 0
      ? h`<section aria-labelledby="confirmations-heading">
<h2 id="confirmations-heading">Confirmed later</h2>
<ol class="confirm-list">${story.confirmations.map(confirmationCard)}</ol>
</section>`
      : h``;
  const body = h`<p><a href="${base}/stories">← All stories</a></p>
<article aria-labelledby="story-title">
<header>
<h1 id="story-title">${story.title}</h1>
<p class="meta"><span>${readableSpan(story.firstSeen, story.lastSeen)}</span><span>${plural(story.articleIds.length, 'article')}</span><span>${outlets}</span></p>
${badgeList(badgesOf(story))}
</header>
<section aria-labelledby="rhythm-heading">
<h2 id="rhythm-heading">Articles per day</h2>
<figure class="card">${articlesChart(perDay, { id: 'story-chart' })}<figcaption>${chartSummary(perDay)}</figcaption></figure>
</section>
${disputes}
${confirmations}
<section aria-labelledby="timeline-heading">
<h2 id="timeline-heading">Timeline</h2>
<p class="lede">Each report's lead claim, oldest first.</p>
<ol class="timeline">${story.timeline.map((entry) => timelineItem(entry, statuses.get(spanKey(entry.citation)) ?? 'reported'))}</ol>
</section>
</article>`;
  return page({ title: story.title, base, section: 'stories', body });
}
