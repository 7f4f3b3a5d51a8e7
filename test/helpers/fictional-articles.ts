/** Clearly fictional news articles for tests, as markdown with front matter. */
export function fictionalArticle(index: number, overrides: { title?: string; body?: string; source?: string } = {}): string {
  const towns = ['Marlow Bay', 'Eastwick Falls', 'Port Ellery', 'Quillon', 'Harrowgate Springs', 'Velmont'];
  const topics = ['a new tram line', 'the harbour bridge repairs', 'a library expansion', 'the river cleanup', 'a solar farm', 'the night market'];
  const town = towns[index % towns.length] ?? 'Marlow Bay';
  const topic = topics[Math.floor(index / towns.length) % topics.length] ?? 'a new tram line';
  const title = overrides.title ?? `${town} council votes on ${topic} (${index})`;
  const body =
    overrides.body ??
    [
      `The fictional town council of ${town} voted 7-2 on Tuesday to approve ${topic}, officials said.`,
      `Mayor Odile Fenn told the Gazette that work would begin in spring and cost about ${index + 3}.5 million crowns.`,
      `Opponents argued that the plan ignored residents of the old quarter. A vote on funding is expected next month.`,
    ].join('\n\n');
  return `---\ntitle: "${title}"\nsource: ${overrides.source ?? 'The Fictional Gazette'}\npublished: 2031-03-${String((index % 27) + 1).padStart(2, '0')}\n---\n${body}\n`;
}

/** One article as markdown with front matter: a title, an outlet and a publication date. */
export function articleMarkdown(title: string, source: string, published: string, body: string): string {
  return `---\ntitle: "${title}"\nsource: ${source}\npublished: ${published}\n---\n${body}\n`;
}
