/**
 * `markdown` with the section that starts at the line `heading` (up to the next heading of the same or a
 * higher level) replaced by `section`, or with `section` appended when there is none. `section` begins with
 * `heading`. Lets two benchmarks share one document without either erasing the other's figures.
 */
export function replaceSection(markdown: string, heading: string, section: string): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading.trim());
  const body = section.replace(/\n+$/, '');
  if (start < 0) return `${markdown.replace(/\n+$/, '')}\n\n${body}\n`;
  const nextHeading = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && (/^#+/.exec(line)?.[0].length ?? 99) <= level);
  const end = nextHeading < 0 ? lines.length : nextHeading;
  const after = lines.slice(end).join('\n');
  return [lines.slice(0, start).join('\n').replace(/\n+$/, ''), body, after].filter((part) => part !== '').join('\n\n').concat('\n');
}

/** The section of `markdown` that starts at the line `heading`, or '' when there is none. */
export function extractSection(markdown: string, heading: string): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 2;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading.trim());
  if (start < 0) return '';
  const nextHeading = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && (/^#+/.exec(line)?.[0].length ?? 99) <= level);
  return lines.slice(start, nextHeading < 0 ? lines.length : nextHeading).join('\n').replace(/\n+$/, '');
}
