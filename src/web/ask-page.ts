import type { Answer } from '../core/answer.js';
import { answerView, sourcesView } from './answer-view.js';
import { type Html, h } from './html.js';
import { page } from './layout.js';
import { storyPagePath } from './story-urls.js';

/** A story the answer's sources belong to. */
export interface AnswerStoryLink {
  id: string;
  title: string;
}

/** What the /ask page shows: the form alone, an answer, or a message (empty or refused question). */
export type AskView =
  | { kind: 'form' }
  | { kind: 'answer'; question: string; answer: Answer; stories: AnswerStoryLink[] }
  | { kind: 'message'; question: string; message: string };

/** The /ask page: the same cited answer as the chat, with links to the full timeline of its stories. */
export function askPage(base: string, view: AskView): Html {
  let body: Html;
  if (view.kind === 'form') {
    body = h`<h1>Ask</h1>
<p class="lede">Ask a question about the stories storydesk follows. Answers quote the articles and cite them; disputed claims are marked with who disputes them.</p>
<form class="ask-form card" action="${base}/ask" method="get">
<label class="visually-hidden" for="ask-q">Your question</label>
<input id="ask-q" name="q" type="search" maxlength="1000" placeholder="e.g. Is ByteDance training an AI model on Huawei chips?" required>
<button type="submit">Ask</button>
</form>`;
  } else if (view.kind === 'message') {
    body = h`<h1>Ask</h1><p class="notice" role="alert">${view.message}</p>`;
  } else {
    const { answer, stories } = view;
    const storyLinks =
      stories.length > 0
        ? h`<nav aria-label="Stories in this answer"><ul class="story-links">${stories.map(
            (story) => h`<li><a href="${storyPagePath(base, story.id)}"><span aria-hidden="true">→ </span>Full timeline: ${story.title}</a></li>`,
          )}</ul></nav>`
        : h``;
    body = h`<p class="meta"><span>Question</span></p>
<h1>${view.question}</h1>
<section aria-labelledby="answer-heading">
<h2 id="answer-heading">Answer</h2>
${answerView(answer)}
${answer.notice ? h`<p class="notice">${answer.notice}</p>` : ''}
${storyLinks}
</section>
${sourcesView(answer.citations)}`;
  }
  const question = view.kind === 'form' ? undefined : view.question;
  return page({ title: question ? `Ask: ${question}` : 'Ask', base, section: 'ask', body, ...(question !== undefined ? { question } : {}) });
}
