import { resolve } from 'node:path';
import { createLogger } from './src/app/logger.js';
import { openStorydesk } from './src/app/open-storydesk.js';
import { loadConfig } from './src/config/load-config.js';
import { readJsonlFile } from './scripts/lib/read-jsonl-file.js';
const qs = readJsonlFile<{ question: string; answer_text: string }>('/work/shared/data/rtqa_unanswerable.jsonl');
const sd = await openStorydesk({ dataDir: resolve('.cache/eval/data'), env: loadConfig({}), logger: createLogger('warn') });
for (const q of qs.slice(0, 69)) {
  const a = await sd.ask(q.question);
  if (a.abstained) continue;
  console.log(`Q: ${q.question.slice(0, 120)} | gold ${q.answer_text}\n  ${a.answer.split('\n').slice(0, 2).join('\n  ').slice(0, 300)}`);
}
sd.close();
