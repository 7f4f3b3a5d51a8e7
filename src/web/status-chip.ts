import type { DisputeKind } from '../core/answer.js';
import { type Html, h } from './html.js';

/** What a page can say about a claim. */
export type ClaimStatus = DisputeKind | 'confirmed' | 'reported' | 'disputed';

/** Each status has a word and a symbol, so it reads without colour (and to a screen reader). */
const CHIPS: Record<ClaimStatus, { symbol: string; label: string }> = {
  denied: { symbol: '✗', label: 'Denied' },
  contradicted: { symbol: '≠', label: 'Contradicted' },
  unverified: { symbol: '?', label: 'Not verified' },
  disputed: { symbol: '!', label: 'Disputed' },
  confirmed: { symbol: '✓', label: 'Confirmed later' },
  reported: { symbol: '•', label: 'Reported' },
};

/** The label of a status, e.g. "Not verified". */
export function statusLabel(status: ClaimStatus): string {
  return CHIPS[status].label;
}

/** A status chip: symbol and word, coloured by class; `suffix` adds words such as " by Reuters". */
export function statusChip(status: ClaimStatus, suffix = ''): Html {
  const chip = CHIPS[status];
  return h`<span class="chip chip-${status}"><span class="chip-symbol" aria-hidden="true">${chip.symbol}</span> ${chip.label}${suffix}</span>`;
}
