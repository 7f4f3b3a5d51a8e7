import { z } from 'zod';
import type { ArticleInput } from '../core/article.js';
import { buildArticle } from './article-fields.js';
import type { SkippedInput } from './skip.js';

const optionalText = z.string().nullish();

/**
 * One article record in a JSON or JSONL file. The body may also be called `text` or `content` (common in
 * exported datasets); unknown fields are ignored.
 */
export const articleRecordSchema = z
  .object({
    id: z.union([z.string().trim().min(1, 'id is empty'), z.number().finite()], { error: 'id is missing (a string or number is required)' }),
    title: optionalText,
    body: optionalText,
    text: optionalText,
    content: optionalText,
    source: optionalText,
    url: optionalText,
    // Any shape: an unreadable date becomes null (see normalizePublished) rather than costing the article.
    published: z.unknown().optional(),
    author: optionalText,
  })
  .refine((record) => bodyOf(record).trim() !== '', {
    message: 'body is missing or empty (also accepted: "text" or "content")',
    path: ['body'],
  });

/** A validated article record. */
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/** A record as found in a file, with where it was (e.g. "file.jsonl:12") for skip reasons. */
export interface LocatedRecord {
  value: unknown;
  where: string;
}

function bodyOf(record: { body?: string | null | undefined; text?: string | null | undefined; content?: string | null | undefined }): string {
  for (const candidate of [record.body, record.text, record.content]) if (candidate && candidate.trim() !== '') return candidate;
  return '';
}

/**
 * Validates records and turns them into articles; an invalid record is skipped with the field that is wrong
 * and the rest continue. The record id becomes the article id; the origin is `${file}#${id}`.
 */
export function articlesFromRecords(file: string, records: LocatedRecord[]): { articles: ArticleInput[]; skipped: SkippedInput[] } {
  const articles: ArticleInput[] = [];
  const skipped: SkippedInput[] = [];
  for (const { value, where } of records) {
    const parsed = articleRecordSchema.safeParse(value);
    if (!parsed.success) {
      skipped.push({ path: where, reason: `invalid record: ${describeIssues(parsed.error)}` });
      continue;
    }
    const record = parsed.data;
    const id = String(record.id).trim();
    const article = buildArticle({ id, origin: `${file}#${id}`, originFile: file }, { ...record, body: bodyOf(record) });
    if (article) articles.push(article);
    else skipped.push({ path: where, reason: `record "${id}" has no article text left after removing page furniture` });
  }
  return { articles, skipped };
}

function describeIssues(error: z.ZodError): string {
  if (error.issues.length === 0) return 'unknown problem';
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.join('.');
      // zod's own wording for a non-object is unhelpful here.
      if (issue.code === 'invalid_type' && field === '') return 'expected an object with id and body';
      return field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
