/**
 * The one stylesheet, served from /assets/storydesk.css (the Content-Security-Policy allows styles from the
 * site itself only, so nothing is inlined). Mobile first; two columns for the two sides of a dispute from
 * 48rem. Status colours always come with a word and a symbol.
 */
export const WEB_STYLES = `
:root {
  color-scheme: light dark;
  --ink: #1c1e21; --muted: #5b6169; --paper: #f6f5f1; --card: #ffffff; --line: #dcdad3; --accent: #1f5fa8;
  --quote: #f3f1ea; --bar: #1f5fa8;
  --denied-ink: #9b1c1c; --denied-bg: #fde8e8; --contradicted-ink: #8a3b00; --contradicted-bg: #ffedd5;
  --unverified-ink: #6b4e00; --unverified-bg: #fef3c7; --disputed-ink: #9b1c1c; --disputed-bg: #fde8e8;
  --confirmed-ink: #14532d; --confirmed-bg: #dcfce7; --reported-ink: #374151; --reported-bg: #eceff3;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e8e6e1; --muted: #a5a9b0; --paper: #15171a; --card: #1e2125; --line: #343840; --accent: #8ab8f0;
    --quote: #262a30; --bar: #8ab8f0;
    --denied-ink: #fecaca; --denied-bg: #4c1d1d; --contradicted-ink: #fed7aa; --contradicted-bg: #4a2a10;
    --unverified-ink: #fde68a; --unverified-bg: #453a12; --disputed-ink: #fecaca; --disputed-bg: #4c1d1d;
    --confirmed-ink: #bbf7d0; --confirmed-bg: #173b27; --reported-ink: #d1d5db; --reported-bg: #2d3239;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; overflow-wrap: anywhere; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--card); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; top: 0.5rem; }
.site-header { background: var(--card); border-bottom: 1px solid var(--line); }
.site-header .inner { max-width: 64rem; margin: 0 auto; padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
.brand { font-weight: 700; font-size: 1.15rem; color: var(--ink); text-decoration: none; letter-spacing: -0.01em; }
.brand span { color: var(--accent); }
.site-nav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 1rem; }
.site-nav a[aria-current="page"] { font-weight: 600; text-decoration: none; color: var(--ink); }
.ask-form { display: flex; gap: 0.5rem; flex: 1 1 18rem; margin-left: auto; }
.ask-form input { flex: 1; min-width: 0; font: inherit; padding: 0.45rem 0.7rem; border: 1px solid var(--line); border-radius: 6px; background: var(--paper); color: var(--ink); }
.ask-form button { font: inherit; font-weight: 600; padding: 0.45rem 0.9rem; border: 0; border-radius: 6px; background: var(--accent); color: var(--card); cursor: pointer; }
main { max-width: 64rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: clamp(1.45rem, 1.1rem + 1.6vw, 2.1rem); line-height: 1.2; margin: 0.25rem 0 0.5rem; letter-spacing: -0.015em; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.35rem; line-height: 1.35; }
.lede, .meta { color: var(--muted); }
.meta { font-size: 0.9rem; margin: 0.25rem 0; }
.meta > * + *::before { content: " · "; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.1rem; }
.story-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
.story-card { display: grid; grid-template-columns: 1fr; gap: 0.5rem 1rem; }
.story-card h2 { font-size: 1.1rem; margin: 0; }
.story-card h2 a { color: var(--ink); text-decoration: none; }
.story-card h2 a:hover, .story-card h2 a:focus-visible { text-decoration: underline; color: var(--accent); }
.story-card .chart-compact { width: 10rem; height: auto; }
@media (min-width: 40rem) { .story-card { grid-template-columns: 1fr 10rem; } .story-card figure { grid-column: 2; grid-row: 1 / span 3; align-self: center; } }
.badges { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.25rem 0 0; padding: 0; list-style: none; }
.chip { display: inline-flex; align-items: center; gap: 0.3rem; font-size: 0.8rem; font-weight: 600; line-height: 1.2; padding: 0.2rem 0.55rem; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; }
.chip-symbol { font-weight: 700; }
.chip-denied { color: var(--denied-ink); background: var(--denied-bg); }
.chip-contradicted { color: var(--contradicted-ink); background: var(--contradicted-bg); }
.chip-unverified { color: var(--unverified-ink); background: var(--unverified-bg); }
.chip-disputed { color: var(--disputed-ink); background: var(--disputed-bg); }
.chip-confirmed { color: var(--confirmed-ink); background: var(--confirmed-bg); }
.chip-reported { color: var(--reported-ink); background: var(--reported-bg); border-color: transparent; }
figure { margin: 0; }
.chart { display: block; width: 100%; height: auto; }
.chart .bar { fill: var(--bar); }
.chart .axis { stroke: var(--line); stroke-width: 1; vector-effect: non-scaling-stroke; }
.chart:not(.chart-compact) { height: 7.5rem; }
.chart-peak, .chart-axis { margin: 0; font-size: 0.8rem; color: var(--muted); }
.chart-axis { display: flex; justify-content: space-between; margin-top: 0.25rem; }
figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.35rem; }
blockquote { margin: 0.35rem 0; padding: 0.6rem 0.85rem; background: var(--quote); border-left: 4px solid var(--line); border-radius: 0 6px 6px 0; font-family: Georgia, "Times New Roman", serif; font-size: 1.02rem; }
blockquote p { margin: 0; }
cite, .source { font-style: normal; font-size: 0.88rem; color: var(--muted); }
.dispute-list, .timeline, .sources, .confirm-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.9rem; }
.sides { display: grid; gap: 0.75rem; margin-top: 0.6rem; }
@media (min-width: 48rem) { .sides { grid-template-columns: 1fr 1fr; align-items: start; } }
.side-label { font-size: 0.78rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 0 0 0.3rem; }
.side-label .chip { text-transform: none; letter-spacing: normal; }
.side-heading { border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; }
.side-claim blockquote { border-left-color: var(--accent); }
.side-counter blockquote { border-left-color: var(--denied-ink); }
.side-counter.kind-unverified blockquote { border-left-color: var(--unverified-ink); }
.side-counter.kind-contradicted blockquote { border-left-color: var(--contradicted-ink); }
.side-confirm blockquote { border-left-color: var(--confirmed-ink); }
.counter + .counter { margin-top: 0.9rem; }
.timeline { border-left: 2px solid var(--line); margin-left: 0.4rem; padding-left: 1.1rem; }
.timeline > li { position: relative; }
.timeline > li::before { content: ""; position: absolute; left: -1.52rem; top: 0.45rem; width: 0.7rem; height: 0.7rem; border-radius: 50%; background: var(--card); border: 2px solid var(--accent); }
.timeline .when { display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; align-items: center; font-size: 0.9rem; }
.timeline .when time { font-weight: 600; }
.answer p { margin: 0 0 0.75rem; }
.answer .statement { margin: 0.75rem 0; }
.markers a { text-decoration: none; font-size: 0.8em; vertical-align: super; line-height: 0; }
.counters { list-style: none; margin: 0.35rem 0 0 1rem; padding: 0; display: grid; gap: 0.5rem; }
.notice { border-left: 4px solid var(--unverified-ink); background: var(--unverified-bg); color: var(--ink); padding: 0.5rem 0.8rem; border-radius: 0 6px 6px 0; }
.story-links { list-style: none; margin: 0.9rem 0 0; padding: 0; display: grid; gap: 0.4rem; }
.story-links a { display: inline-block; font-weight: 600; padding: 0.45rem 0.8rem; border: 1px solid var(--line); border-radius: 8px; background: var(--card); text-decoration: none; }
.story-links a:hover { text-decoration: underline; }
.quote-text { font-family: Georgia, "Times New Roman", serif; }
.dispute-status { display: flex; flex-wrap: wrap; gap: 0.35rem; }
.story-card figcaption { margin-top: 0.15rem; font-size: 0.78rem; text-align: center; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 1.25rem; }
.empty { color: var(--muted); }
.site-footer { max-width: 64rem; margin: 0 auto; padding: 0 1rem 2rem; color: var(--muted); font-size: 0.85rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
