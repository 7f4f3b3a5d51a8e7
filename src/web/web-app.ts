import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from '../app/logger.js';
import pLimit from 'p-limit';
import type { Assistant } from '../core/assistant.js';
import { UserFacingError } from '../core/errors.js';
import { articlesPerDay } from './articles-per-day.js';
import { type AnswerStoryLink, askPage } from './ask-page.js';
import { type Html, h } from './html.js';
import { page } from './layout.js';
import { StoryBadgeCache } from './story-badge-cache.js';
import { storyListPage } from './story-list-page.js';
import { storyPage } from './story-page.js';
import type { StoryReader } from './story-reader.js';
import { storyPagePath } from './story-urls.js';
import { WEB_STYLES } from './web-styles.js';
import { requireToken } from './web-token.js';

/** What the web UI needs: the story and question use cases, and how it is reached. */
export interface WebAppOptions {
  stories: StoryReader;
  assistant: Assistant;
  logger: Logger;
  /** Path prefix of every page (the path of STORYDESK_PUBLIC_URL; a proxy in front strips it). @default "" */
  base?: string;
  /** STORYDESK_WEB_TOKEN: when set, every page but /healthz and the stylesheet asks for it. */
  token?: string;
  /** The site is reached over https, so the session cookie is marked Secure. @default false */
  secureCookie?: boolean;
  /** Stories per page of /stories. @default 20 */
  pageSize?: number;
  /** Questions answered at once; the rest queue. @default 2 */
  maxConcurrentAnswers?: number;
}

/**
 * The read-only web UI as a Hono app (Request in, Response out): /stories, /stories/:id, /ask?q=, /healthz.
 * Pages are server-rendered HTML with every piece of article text escaped, no script at all, and a
 * Content-Security-Policy that would block one anyway.
 */
export function createWebApp(options: WebAppOptions): Hono {
  const base = options.base ?? '';
  const pageSize = options.pageSize ?? 20;
  const { stories, logger } = options;
  const answers = pLimit(options.maxConcurrentAnswers ?? 2);
  const badges = new StoryBadgeCache((storyId) => stories.findings(storyId));
  const app = new Hono();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
    }),
  );
  app.use(async (context, next) => {
    await next();
    if (!context.res.headers.has('Cache-Control')) context.header('Cache-Control', 'no-store');
  });

  app.get('/healthz', (context) => context.json({ status: 'ok' }));
  app.get('/assets/storydesk.css', (context) => {
    context.header('Cache-Control', 'public, max-age=300');
    return context.body(WEB_STYLES, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  if (options.token !== undefined) app.use(requireToken({ token: options.token, base, secureCookie: options.secureCookie ?? false }));

  app.get('/', (context) => context.redirect(`${base}/stories`, 302));

  app.get('/stories', async (context) => {
    const all = await stories.list();
    const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
    const requested = Number.parseInt(context.req.query('page') ?? '1', 10);
    const current = Number.isFinite(requested) ? Math.min(Math.max(1, requested), pageCount) : 1;
    const shown = all.slice((current - 1) * pageSize, current * pageSize);
    const dates = await stories.publishedDates(shown.flatMap((story) => story.articleIds));
    const listed = [];
    for (const story of shown) {
      listed.push({
        story,
        perDay: articlesPerDay(story.articleIds.map((id) => dates.get(id) ?? null), 30),
        badges: await badges.badges(story),
      });
    }
    return html(context, storyListPage({ base, stories: listed, page: current, pageCount, totalStories: all.length }));
  });

  app.get('/stories/:id', async (context) => {
    const id = context.req.param('id');
    const story = await stories.detail(id);
    if (story) {
      const dates = await stories.publishedDates(story.articleIds);
      return html(context, storyPage({ base, story, perDay: articlesPerDay(story.articleIds.map((articleId) => dates.get(articleId) ?? null)) }));
    }
    // An article's id leads to its story, so a link can be made from a citation alone.
    const owner = stories.storyOf(id);
    if (owner) return context.redirect(storyPagePath(base, owner.id), 302);
    return notFound(context, 'No such story', h`<p>There is no story <code>${id}</code>. It may have been merged into another as articles arrived.</p><p><a href="${base}/stories">See all stories</a></p>`);
  });

  app.get('/ask', async (context) => {
    const question = (context.req.query('q') ?? '').trim();
    if (question === '') return html(context, askPage(base, { kind: 'form' }));
    try {
      const answer = await answers(() => options.assistant.ask(question));
      const seen = new Map<string, AnswerStoryLink>();
      for (const citation of answer.citations) {
        const story = stories.storyOf(citation.articleId);
        if (story && !seen.has(story.id)) seen.set(story.id, story);
      }
      return html(context, askPage(base, { kind: 'answer', question, answer, stories: [...seen.values()] }));
    } catch (error) {
      if (error instanceof UserFacingError) return html(context, askPage(base, { kind: 'message', question, message: error.message }), 400);
      throw error;
    }
  });

  app.notFound((context) => notFound(context, 'Page not found', h`<p>Nothing here. <a href="${base}/stories">See all stories</a>.</p>`));
  app.onError((error, context) => {
    logger.error({ err: error, path: context.req.path }, 'A web page failed');
    return html(context, page({ title: 'Something went wrong', base, section: 'none', body: h`<h1>Something went wrong</h1><p>This page could not be shown. Please try again in a moment.</p>` }), 500);
  });

  function notFound(context: Context, title: string, message: Html): Response {
    return html(context, page({ title, base, section: 'none', body: h`<h1>${title}</h1>${message}` }), 404);
  }
  return app;
}

function html(context: Context, markup: Html, status: ContentfulStatusCode = 200): Response {
  return context.body(markup.toString(), status, { 'Content-Type': 'text/html; charset=UTF-8' });
}
