/**
 * Keeps at most `perGroup` items of any group (article) in the head of the list, so one long article cannot
 * fill every slot; the items it pushed out follow in their original order.
 */
export function diversify<T>(items: T[], groupOf: (item: T) => string, perGroup: number): T[] {
  const counts = new Map<string, number>();
  const head: T[] = [];
  const tail: T[] = [];
  for (const item of items) {
    const group = groupOf(item);
    const seen = counts.get(group) ?? 0;
    if (seen < perGroup) {
      head.push(item);
      counts.set(group, seen + 1);
    } else {
      tail.push(item);
    }
  }
  return [...head, ...tail];
}
