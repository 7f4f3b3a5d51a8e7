import type { Assistant } from '../../src/core/assistant.js';
import { type EvalDataset, weekLeftOutQuestions } from './eval-dataset.js';
import { normalizeForMatch } from './metrics.js';

/** Replies to the development questions asked without a time of asking, as the CLI and the terminal chat ask. */
export interface UntimedAnswers {
  /** Answerable questions whose reply holds the gold answer. */
  right: number;
  abstainedAnswerable: number;
  abstainedHeldOut: number;
  abstainedOffCorpus: number;
  abstainedWeekLeftOut: number;
  weekLeftOut: number;
}

/*
 * The bot's gate has a rule for "this week" questions that needs the time of asking; without it another gate
 * (calibrated without that rule) decides. Outside evaluations go through the CLI, so these are their figures.
 */
export async function askWithoutTime(assistant: Assistant, dataset: EvalDataset): Promise<UntimedAnswers> {
  const counts: UntimedAnswers = { right: 0, abstainedAnswerable: 0, abstainedHeldOut: 0, abstainedOffCorpus: 0, abstainedWeekLeftOut: 0, weekLeftOut: 0 };
  for (const question of dataset.answerable) {
    const answer = await assistant.ask(question.question);
    if (answer.abstained) counts.abstainedAnswerable += 1;
    else if (normalizeForMatch(answer.answer).includes(normalizeForMatch(question.answer_text))) counts.right += 1;
  }
  for (const question of dataset.heldOut) if ((await assistant.ask(question.question)).abstained) counts.abstainedHeldOut += 1;
  for (const question of dataset.offCorpus) if ((await assistant.ask(question.question)).abstained) counts.abstainedOffCorpus += 1;
  const weekLeftOut = weekLeftOutQuestions(dataset);
  counts.weekLeftOut = weekLeftOut.length;
  for (const question of weekLeftOut) {
    if ((await assistant.ask(question.question, { filters: { excludeArticleIds: question.excludeArticleIds } })).abstained) counts.abstainedWeekLeftOut += 1;
  }
  return counts;
}
