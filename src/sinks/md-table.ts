import { displayWidth } from '../util/width.js';

/** A column of a Markdown table: its header and which side its cells keep to. */
export interface MdColumn {
  header: string;
  align?: 'left' | 'right';
}

/**
 * A Markdown table whose raw text lines up too, counting CJK as two columns: it reads
 * as a table in a text editor, in an e-mail, and pasted into WPS or Word.
 */
export function markdownTable(columns: MdColumn[], rows: string[][]): string {
  const cells = [columns.map((c) => c.header), ...rows].map((row) => row.map(escapeCell));
  const widths = columns.map((_, i) => Math.max(3, ...cells.map((row) => displayWidth(row[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(widths[i] - displayWidth(text));
    return columns[i].align === 'right' ? fill + text : text + fill;
  };
  const line = (row: string[]) => `| ${columns.map((_, i) => pad(row[i] ?? '', i)).join(' | ')} |`;
  const rule = `| ${columns.map((c, i) => (c.align === 'right' ? `${'-'.repeat(widths[i] - 1)}:` : '-'.repeat(widths[i]))).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/** A pipe would end the cell and a newline the row. */
function escapeCell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Text from users' files as literal text: raw HTML (<script>, <img onerror>, autolinks)
 * and link syntax would otherwise be rendered by a viewer or a wiki the .md is pasted into.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([[\]])/g, '\\$1');
}
