import type { Answer } from '../../src/core/answer.js';
import type { Assistant, AskOptions } from '../../src/core/assistant.js';
import { seedAnswer } from './fake-assistant.js';

/**
 * An Assistant fake that holds every answer until the test opens the gate, so a test can check what the
 * bot has already done (acknowledged, deferred, reacted) while an answer is still being worked on.
 */
export class GatedAssistant implements Assistant {
  readonly questions: string[] = [];
  private open = false;
  private readonly waiting: Array<() => void> = [];
  private readonly askedListeners: Array<() => void> = [];

  async ask(question: string, _options?: AskOptions): Promise<Answer> {
    this.questions.push(question);
    for (const listener of this.askedListeners.splice(0)) listener();
    if (!this.open) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return seedAnswer(question);
  }

  /** Resolves once a question has reached the assistant. */
  async asked(): Promise<void> {
    if (this.questions.length > 0) return;
    await new Promise<void>((resolve) => this.askedListeners.push(resolve));
  }

  /** Lets every held and future answer through. */
  release(): void {
    this.open = true;
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
