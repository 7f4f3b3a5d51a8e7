import type { ArticlesPerDay } from './articles-per-day.js';
import { type Html, h } from './html.js';
import { plural, readableDay, shortDay } from './web-format.js';

/** Options for {@link articlesChart}. */
export interface ArticlesChartOptions {
  /** Unique within the page: the chart's title and description are referenced by id. */
  id: string;
  /** A sparkline for lists (no axis labels) rather than the story page's chart. @default false */
  compact?: boolean;
}

/** One sentence that says what the chart shows, for its title and for screen readers. */
export function chartSummary(data: ArticlesPerDay): string {
  const dated = data.total - data.undated;
  const undated = data.undated > 0 ? ` (${data.undated} undated not shown)` : '';
  if (dated === 0) return `${plural(data.total, 'article')}, none of them dated.`;
  const first = data.bars[0];
  if (data.bars.length === 1 && first) return `${plural(dated, 'dated article')}, all on ${readableDay(first.day)}${undated}.`;
  const busiest = data.bars.reduce((best, bar) => (bar.count > best.count ? bar : best));
  const days = data.bars.length * data.daysPerBar;
  const when = data.daysPerBar === 1 ? readableDay(busiest.day) : `the ${data.daysPerBar} days from ${readableDay(busiest.day)}`;
  return `${plural(dated, 'dated article')} over ${days} days; busiest ${when} (${busiest.count})${undated}.`;
}

/** The days a chart covers, short: "Mar 3 – Mar 5", "Sep 30", or "undated". */
export function chartSpan(data: ArticlesPerDay): string {
  const first = data.bars[0]?.day;
  const last = data.bars.at(-1)?.day;
  if (!first || !last) return 'undated';
  const end = shortDay(new Date(Date.parse(`${last}T00:00:00Z`) + (data.daysPerBar - 1) * 86_400_000).toISOString().slice(0, 10));
  return first === last && data.daysPerBar === 1 ? shortDay(first) : `${shortDay(first)} – ${end}`;
}

/**
 * Articles per day as an inline SVG bar chart (no script, no external file: it passes the page's strict
 * Content-Security-Policy). Colours come from the stylesheet; every bar has a tooltip with its day and count.
 * The full chart stretches to the page's width, so its labels are HTML under it (SVG text would shrink to
 * nothing on a phone); the compact one is a sparkline for lists.
 */
export function articlesChart(data: ArticlesPerDay, options: ArticlesChartOptions): Html {
  const compact = options.compact ?? false;
  const width = compact ? 160 : 600;
  const height = compact ? 36 : 120;
  const top = 2;
  const plotHeight = height - top - 1;
  const max = Math.max(1, ...data.bars.map((bar) => bar.count));
  const slot = width / Math.max(1, data.bars.length);
  const barWidth = Math.max(1, Math.min(compact ? 12 : 48, slot * 0.8));
  const summary = chartSummary(data);
  const bars = data.bars.map((bar, index) => {
    const barHeight = bar.count === 0 ? 0 : Math.max(2, (bar.count / max) * plotHeight);
    const x = index * slot + (slot - barWidth) / 2;
    const y = top + plotHeight - barHeight;
    const label = `${data.daysPerBar === 1 ? shortDay(bar.day) : `${data.daysPerBar} days from ${shortDay(bar.day)}`}: ${plural(bar.count, 'article')}`;
    return h`<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}"><title>${label}</title></rect>`;
  });
  const svg = h`<svg class="chart${compact ? ' chart-compact' : ''}" viewBox="0 0 ${width} ${height}"${compact ? '' : h` preserveAspectRatio="none"`} role="img" aria-labelledby="${options.id}-title" focusable="false"><title id="${options.id}-title">Articles per day: ${summary}</title><line class="axis" x1="0" y1="${height - 0.5}" x2="${width}" y2="${height - 0.5}"></line>${bars}</svg>`;
  if (compact) return svg;
  const first = data.bars[0]?.day;
  const last = data.bars.at(-1)?.day;
  return h`<div class="chart-frame"><p class="chart-peak" aria-hidden="true">${plural(max, 'article')}${data.daysPerBar === 1 ? ' a day at most' : ` per ${data.daysPerBar} days at most`}</p>${svg}<p class="chart-axis" aria-hidden="true"><span>${first ? shortDay(first) : ''}</span><span>${last && last !== first ? shortDay(last) : ''}</span></p></div>`;
}
