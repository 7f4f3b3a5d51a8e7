import { z } from 'zod';

/**
 * The JSON the language model must return. Parsed leniently (missing lists default to empty, passage numbers
 * given as strings are coerced) because local models drift from the schema; verification is the real gate.
 */
export const modelAnswerSchema = z.object({
  abstain: z.boolean().default(false),
  statements: z
    .array(
      z.object({
        text: z.string(),
        passages: z.array(z.coerce.number().int()).default([]),
        status: z.enum(['supported', 'disputed', 'unverified']).default('supported'),
      }),
    )
    .default([]),
  disputes: z
    .array(
      z.object({
        claim_passages: z.array(z.coerce.number().int()).default([]),
        counter_passages: z.array(z.coerce.number().int()).default([]),
        kind: z.enum(['denied', 'contradicted', 'unverified']).default('contradicted'),
        claim: z.string(),
        counter: z.string(),
      }),
    )
    .default([]),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;
export type ModelStatement = ModelAnswer['statements'][number];
export type ModelDispute = ModelAnswer['disputes'][number];

const passageNumbers = { type: 'array', items: { type: 'integer' } } as const;

/** The same shape as a strict JSON schema for `response_format: { type: 'json_schema' }`. */
export const modelAnswerJsonSchema = {
  name: 'storydesk_answer',
  strict: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['abstain', 'statements', 'disputes'],
    properties: {
      abstain: { type: 'boolean' },
      statements: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['text', 'passages', 'status'],
          properties: {
            text: { type: 'string' },
            passages: passageNumbers,
            status: { type: 'string', enum: ['supported', 'disputed', 'unverified'] },
          },
        },
      },
      disputes: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['claim_passages', 'counter_passages', 'kind', 'claim', 'counter'],
          properties: {
            claim_passages: passageNumbers,
            counter_passages: passageNumbers,
            kind: { type: 'string', enum: ['denied', 'contradicted', 'unverified'] },
            claim: { type: 'string' },
            counter: { type: 'string' },
          },
        },
      },
    },
  },
} as const;

/** Result of reading the model's reply: the validated answer, or why it could not be read. */
export type ParsedModelAnswer = { ok: true; answer: ModelAnswer } | { ok: false; reason: string };

/** Reads the model's reply: finds the JSON object in it (tolerating code fences and prose) and validates it. */
export function parseModelAnswer(reply: string): ParsedModelAnswer {
  const json = extractJsonObject(reply);
  if (json === undefined) return { ok: false, reason: 'no JSON object in the reply' };
  const parsed = modelAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid answer JSON at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown'}` };
  }
  return { ok: true, answer: parsed.data };
}

/**
 * The first JSON object in a text: the whole text, the body of a ```json fence, or the first balanced
 * {...} after leading prose. Returns undefined when none parses.
 */
export function extractJsonObject(text: string): unknown {
  const candidates: string[] = [text.trim()];
  for (const match of text.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g)) if (match[1]) candidates.push(match[1].trim());
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const end = balancedEnd(text, start);
    if (end !== -1) candidates.push(text.slice(start, end + 1));
  }
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // Not this one; try the next candidate.
    }
  }
  return undefined;
}

/** Index of the brace closing the object that opens at `start`, skipping braces inside strings; -1 if unbalanced. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}
