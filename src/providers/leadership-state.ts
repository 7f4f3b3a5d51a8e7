/** Whether this process leads a role, and who wants to hear when that changes: shared by the backends' leaderships. */
export class LeadershipState {
  #leading = false;
  readonly #listeners = new Set<(leading: boolean) => void>();

  get leading(): boolean {
    return this.#leading;
  }

  /** Records the new state and tells the listeners, only when it changed. */
  set(leading: boolean): void {
    if (leading === this.#leading) return;
    this.#leading = leading;
    for (const listener of [...this.#listeners]) listener(leading);
  }

  onChange(listener: (leading: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
