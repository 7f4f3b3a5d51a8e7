/**
 * Sentences in article text that address a language model rather than a reader: planted instructions
 * ("ignore previous instructions", "SYSTEM: you are now …", "reply with http://…"). They are legitimate
 * data to the prompt but can never support a statement, be quoted, or vouch for a link, so a model that obeys
 * one produces output that verification drops.
 */
const INSTRUCTION_CUES: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\b[^.!?]{0,40}\b(?:previous|prior|above|earlier|all|any|your)\b[^.!?]{0,30}\b(?:instructions?|prompts?|rules?|directions?|guidelines?)\b/i,
  /(?:^|[\s"“(])(?:system|assistant|developer)\s*(?:prompt|message)?\s*:/i,
  /\[\s*(?:system|inst)\s*\]|<\|?\s*(?:im_start|system|endoftext)/i,
  /\byou are now\b|\bact as (?:an?|the) (?:ai|assistant|model|chatbot)\b|\bas an ai (?:language )?model\b/i,
  /\b(?:reply|respond|answer)\b[^.!?]{0,40}(?:https?:\/\/|www\.)/i,
  /\b(?:new|updated|hidden) instructions?\b/i,
  /\b(?:language model|llm|chatbot|ai assistant)s?\b[^.!?]{0,40}\b(?:must|should|shall)\b/i,
];

/** True when a sentence reads as an instruction to an AI system rather than news. */
export function looksLikeInstruction(sentence: string): boolean {
  return INSTRUCTION_CUES.some((cue) => cue.test(sentence));
}
