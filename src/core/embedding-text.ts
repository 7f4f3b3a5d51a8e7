/**
 * The text a passage is embedded as: its article's title, then the passage. A passage deep in an article
 * rarely names its subject; the title supplies it ("contextual chunk headers"), so vector search finds the
 * passage for questions about the story.
 */
export function embeddingText(title: string, passageText: string): string {
  return title ? `${title}\n${passageText}` : passageText;
}
