import type { GeneratedArticle } from './generate-corpus.js';

/** Questions a user might ask about a generated corpus, derived from its titles (deterministic). */
export function questionsFor(articles: GeneratedArticle[], count: number): string[] {
  const questions: string[] = [];
  const templates = [
    (title: string) => `What happened with ${title.split(' amid ')[0]}?`,
    (title: string) => `Is it true that ${title.replace(/ amid .*/, '')}?`,
    (title: string) => `Who commented on the ${title.split(' amid ')[1] ?? title}?`,
  ];
  for (let index = 0; index < count; index += 1) {
    const article = articles[(index * 7919) % articles.length];
    const template = templates[index % templates.length];
    if (article && template) questions.push(template(article.title));
  }
  return questions;
}
