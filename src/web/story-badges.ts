import type { DisputeKind } from '../core/answer.js';
import type { StoryDetail } from '../stories/story-view.js';
import { type Html, h } from './html.js';
import { statusChip } from './status-chip.js';

/** How many of a story's claims are disputed (by their strongest counter) and confirmed later. */
export interface StoryBadges {
  disputed: Record<DisputeKind, number>;
  confirmed: number;
}

/** Counts a story's disputed claims by their strongest kind, and its confirmations. */
export function badgesOf(story: Pick<StoryDetail, 'disputedClaims' | 'confirmations'>): StoryBadges {
  const disputed: Record<DisputeKind, number> = { denied: 0, contradicted: 0, unverified: 0 };
  for (const claim of story.disputedClaims) {
    const strongest = claim.counters[0]?.kind;
    if (strongest) disputed[strongest] += 1;
  }
  return { disputed, confirmed: story.confirmations.length };
}

/** Badges as a list of chips with counts ("✗ Denied · 2 claims"); nothing when there is nothing to flag. */
export function badgeList(badges: StoryBadges): Html {
  const items: Html[] = [];
  for (const kind of ['denied', 'contradicted', 'unverified'] as const) {
    const count = badges.disputed[kind];
    if (count > 0) items.push(h`<li>${statusChip(kind, ` · ${count} ${count === 1 ? 'claim' : 'claims'}`)}</li>`);
  }
  if (badges.confirmed > 0) items.push(h`<li>${statusChip('confirmed', ` · ${badges.confirmed}`)}</li>`);
  return items.length > 0 ? h`<ul class="badges" aria-label="Dispute status">${items}</ul>` : h``;
}
