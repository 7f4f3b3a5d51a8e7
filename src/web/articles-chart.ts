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
  if (dated === 0) return `${plural(data.total, 'article')}, none of them dated.`;
  const busiest = data.bars.reduce((best, bar) => (bar.count > best.count ? bar : best));
  const unit = data.daysPerBar === 1 ? 'day' : `${data.daysPerBar} days`;
  const undated = data.undated > 0 ? ` (${data.undated} undated not shown)` : '';
  const spread = data.bars.length === 1 ? `on ${readableDay(busiest.day)}` : `most in the ${unit} from ${readableDay(busiest.day)} (${busiest.count})`;
  return `${plural(dated, 'dated article')} ${spread}${undated}.`;
}

/**
 * Articles per day as an inline SVG bar chart (no script, no external file: it passes the page's strict
 * Content-Security-Policy). Colours come from the stylesheet; every bar has a tooltip with its day and count.
 */
export function articlesChart(data: ArticlesPerDay, options: ArticlesChartOptions): Html {
  const compact = options.compact ?? false;
  const width = compact ? 160 : 640;
  const height = compact ? 36 : 150;
  const top = compact ? 2 : 16;
  const bottom = compact ? 2 : 22;
  const left = compact ? 0 : 28;
  const plotHeight = height - top - bottom;
  const plotWidth = width - left;
  const max = Math.max(1, ...data.bars.map((bar) => bar.count));
  const slot = plotWidth / Math.max(1, data.bars.length);
  const barWidth = Math.max(1, Math.min(compact ? 12 : 36, slot * 0.8));
  const summary = chartSummary(data);
  const bars = data.bars.map((bar, index) => {
    const barHeight = bar.count === 0 ? 0 : Math.max(2, (bar.count / max) * plotHeight);
    const x = left + index * slot + (slot - barWidth) / 2;
    const y = top + plotHeight - barHeight;
    const label = `${data.daysPerBar === 1 ? shortDay(bar.day) : `${data.daysPerBar} days from ${shortDay(bar.day)}`}: ${plural(bar.count, 'article')}`;
    return h`<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${barHeight.toFixed(1)}"><title>${label}</title></rect>`;
  });
  const first = data.bars[0]?.day;
  const last = data.bars.at(-1)?.day;
  const axis = compact
    ? h``
    : h`<line class="axis" x1="${left}" y1="${top + plotHeight + 0.5}" x2="${width}" y2="${top + plotHeight + 0.5}"></line>
<text class="axis-label" x="${left - 6}" y="${top + 4}" text-anchor="end">${max}</text>
<text class="axis-label" x="${left - 6}" y="${top + plotHeight}" text-anchor="end">0</text>
${first ? h`<text class="axis-label" x="${left}" y="${height - 4}">${shortDay(first)}</text>` : ''}
${last && last !== first ? h`<text class="axis-label" x="${width}" y="${height - 4}" text-anchor="end">${shortDay(last)}</text>` : ''}`;
  return h`<svg class="chart${compact ? ' chart-compact' : ''}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${options.id}-title" focusable="false"><title id="${options.id}-title">Articles per day: ${summary}</title>${axis}${bars}</svg>`;
}
