import { type Html, h } from './html.js';

/** Which navigation item is the current page. */
export type Section = 'stories' | 'ask' | 'none';

/** What every page shares. */
export interface PageOptions {
  title: string;
  /** Path prefix of the site (the path of STORYDESK_PUBLIC_URL, usually ""). */
  base: string;
  section: Section;
  body: Html;
  /** The question already asked, kept in the header's search box. */
  question?: string;
}

/**
 * The page shell: a skip link, a header with navigation and the question box (a plain GET form: no script),
 * the content in `<main>`, and the stylesheet from the site itself.
 */
export function page(options: PageOptions): Html {
  const { base, section } = options;
  const current = (name: Section) => (section === name ? h` aria-current="page"` : '');
  return h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title} · storydesk</title>
<link rel="stylesheet" href="${base}/assets/storydesk.css">
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
<div class="inner">
<a class="brand" href="${base}/stories">story<span>desk</span></a>
<nav class="site-nav" aria-label="Main"><ul>
<li><a href="${base}/stories"${current('stories')}>Stories</a></li>
<li><a href="${base}/ask"${current('ask')}>Ask</a></li>
</ul></nav>
<form class="ask-form" action="${base}/ask" method="get" role="search">
<label class="visually-hidden" for="q">Ask a question about the news</label>
<input id="q" name="q" type="search" maxlength="1000" placeholder="Ask about a story…" value="${options.question ?? ''}">
<button type="submit">Ask</button>
</form>
</div>
</header>
<main id="content" tabindex="-1">
${options.body}
</main>
<footer class="site-footer"><p>Quotes are verbatim from the articles storydesk has indexed; follow the links for the full reports.</p></footer>
</body>
</html>`;
}
