/** Listeners per change topic: shared by the backends' change notices. */
export class ChangeListeners {
  readonly #byTopic = new Map<string, Set<() => void>>();

  add(topic: string, listener: () => void): () => void {
    const listeners = this.#byTopic.get(topic) ?? new Set<() => void>();
    listeners.add(listener);
    this.#byTopic.set(topic, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#byTopic.delete(topic);
    };
  }

  get size(): number {
    return this.#byTopic.size;
  }

  emit(topic: string): void {
    for (const listener of [...(this.#byTopic.get(topic) ?? [])]) listener();
  }

  /** Every topic someone listens to: after notices may have been missed, each is told to reload. */
  emitAll(): void {
    for (const topic of [...this.#byTopic.keys()]) this.emit(topic);
  }
}
