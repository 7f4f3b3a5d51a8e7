import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Markdown syntax is not part of what an article says, and citations quote the body verbatim, so the body is
 * parsed (marked's lexer: CommonMark + GFM tables) and only its text is kept: emphasis, code spans, links
 * (inline and by reference) keep their text; headings (ATX and setext), list items, quotes and table rows
 * become plain lines; images, link definitions, rules, comments and HTML tags go.
 */
export function markdownToText(markdown: string): string {
  return blocksText(new Lexer({ gfm: true }).lex(markdown));
}

/** Blocks are separated by a blank line, as paragraphs were written. */
function blocksText(tokens: readonly Token[]): string {
  return tokens
    .map(blockText)
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

function blockText(token: Token): string {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      return inlineText((token as Tokens.Heading | Tokens.Paragraph).tokens);
    case 'text': {
      // A list item's or a tight block's text: inline tokens when it has them.
      const text = token as Tokens.Text;
      return text.tokens ? inlineText(text.tokens) : text.text;
    }
    case 'list':
      return (token as Tokens.List).items.map((item) => blocksText(item.tokens).replace(/\n\n/g, '\n')).join('\n');
    case 'blockquote':
      return blocksText((token as Tokens.Blockquote).tokens);
    case 'code':
      return (token as Tokens.Code).text;
    case 'table': {
      const table = token as Tokens.Table;
      const rows = [table.header, ...table.rows];
      // Cells read left to right; "; " keeps them apart without table syntax.
      return rows.map((cells) => cells.map((cell) => inlineText(cell.tokens).trim()).join('; ')).join('\n');
    }
    case 'html':
      return stripTags((token as Tokens.HTML).text);
    default:
      // space, hr, def (link definitions) and anything unknown carry no article text.
      return '';
  }
}

function inlineText(tokens: readonly Token[]): string {
  return tokens.map(inlineTokenText).join('');
}

function inlineTokenText(token: Token): string {
  switch (token.type) {
    case 'strong':
    case 'em':
    case 'del':
    case 'link':
      return inlineText((token as Tokens.Strong | Tokens.Em | Tokens.Del | Tokens.Link).tokens);
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inlineText(text.tokens) : text.text;
    }
    case 'codespan':
    case 'escape':
      return (token as Tokens.Codespan | Tokens.Escape).text;
    case 'br':
      return '\n';
    case 'html':
      return /^<br\s*\/?>$/i.test((token as Tokens.Tag).text) ? '\n' : '';
    default:
      // image: a picture is not text the article says.
      return '';
  }
}

/** Text inside block HTML (`<div>…</div>`), without the tags or comments. */
function stripTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .trim();
}
