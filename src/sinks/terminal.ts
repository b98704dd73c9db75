import chalk, { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { asciiOnly } from '../util/console.js';
import { wrapText } from '../util/line-break.js';
import { displayWidth } from '../util/width.js';

/** chalk 5 ignores NO_COLOR on a TTY; honour it here, once. */
export function colors(): ChalkInstance {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return new Chalk({ level: 0 });
  return chalk;
}

export interface Column {
  header: string;
  align?: 'left' | 'right' | 'center';
  /** Wrap cells to this many display columns. */
  width?: number;
}

/** A bordered table that lines up Chinese text. */
export function renderTable(columns: Column[], rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map((cell, i) => {
    const text = String(cell);
    const width = columns[i]?.width;
    return width ? wrapText(text, width) : text;
  }));
  if (cells.length <= CHUNK_ROWS) return renderChunk(columns, cells);
  // cli-table3 lays a table out in quadratic time (10,000 rows take minutes): render it in
  // chunks with the same column widths and join them under one header.
  const widths = columns.map((col, i) => 2 + Math.max(displayWidth(col.header), ...cells.map((row) => Math.max(0, ...String(row[i] ?? '').split('\n').map(displayWidth)))));
  const out: string[] = [];
  for (let start = 0; start < cells.length; start += CHUNK_ROWS) {
    const lines = renderChunk(columns, cells.slice(start, start + CHUNK_ROWS), widths).split('\n');
    const headerRule = headerRuleIndex(lines);
    if (start === 0) out.push(...lines.slice(0, headerRule + 1));
    out.push(...lines.slice(headerRule + 1, -1));
    if (start + CHUNK_ROWS >= cells.length) out.push(lines[lines.length - 1]);
  }
  return out.join('\n');
}

const CHUNK_ROWS = 100;

const ASCII_CHARS = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+', right: '|', 'right-mid': '+', middle: '|',
};
/** The rule under the header: the first rule after the top border (in ASCII both start with +). */
function headerRuleIndex(lines: string[]): number {
  const start = asciiOnly() ? ASCII_CHARS['left-mid'] : '├';
  return lines.findIndex((line, i) => i > 0 && line.startsWith(start));
}

function renderChunk(columns: Column[], rows: string[][], colWidths?: number[]): string {
  const c = colors();
  const table = new Table({
    head: columns.map((col) => c.bold(col.header)),
    colAligns: columns.map((col) => col.align ?? 'left'),
    style: { head: [], border: [] },
    wordWrap: false,
    ...(asciiOnly() ? { chars: ASCII_CHARS } : {}),
    ...(colWidths ? { colWidths } : {}),
  });
  for (const row of rows) table.push(row);
  // Keep the rule under the header, drop those between body rows: long tables stay
  // readable on a laptop screen (cli-table3 draws all or none).
  const lines = table.toString().split('\n');
  const headerRule = headerRuleIndex(lines);
  const ruleStart = lines[headerRule][0];
  return lines.filter((line, i) => i <= headerRule || i === lines.length - 1 || !line.startsWith(ruleStart)).join('\n');
}
