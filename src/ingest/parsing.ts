/** The parsing half of ingest: files in, clean articles, sentences and passages out. Re-exports only. */
export { buildArticle, deriveTitle, slugFromPath, type ArticleOrigin, type RawArticleFields } from './article-fields.js';
export { articleRecordSchema, type ArticleRecord } from './article-record.js';
export { chunkPassages, type ChunkOptions } from './chunk-passages.js';
export { cleanText, furnitureRuleFor, normalizeText } from './clean-text.js';
export { collectFiles, type CollectOptions } from './collect-files.js';
export { FURNITURE_RULES, type FurnitureAction, type FurnitureRule } from './furniture-rules.js';
export { normalizePublished } from './normalize-published.js';
export { parseFile, SUPPORTED_EXTENSIONS } from './parse-file.js';
export { segmentSentences } from './segment-sentences.js';
export type { ParsedFile, SkippedInput } from './skip.js';
