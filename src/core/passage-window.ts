/** Which of an article's passages to read: those within `within` ordinals of any of `ordinals`. */
export interface PassageWindow {
  ordinals: readonly number[];
  within: number;
}

/** The window as disjoint ordinal ranges [from, to], ascending: one indexed range read each. */
export function passageRanges(window: PassageWindow): [number, number][] {
  const within = Math.max(0, Math.floor(window.within));
  const ranges: [number, number][] = [];
  for (const ordinal of [...window.ordinals].sort((a, b) => a - b)) {
    const from = ordinal - within;
    const to = ordinal + within;
    const last = ranges.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  return ranges;
}
