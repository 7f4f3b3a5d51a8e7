/**
 * Remembers the last `capacity` keys seen. Slack redelivers an event when it thinks the first delivery
 * failed (`retry_attempt` > 0); remembering recent message ids keeps a redelivery from being answered twice.
 */
export class RecentKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 1000) {}

  /** Records `key`; returns false when it was already among the recent keys. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    // A Set iterates in insertion order, so the first key is the oldest.
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    return true;
  }
}
