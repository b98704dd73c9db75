// What Excel, WPS and LibreOffice all open without a repair dialog: every workbook kind is
// unzipped and each XML part parsed by a strict XML 1.0 parser (saxes: well-formed, legal
// characters, namespaces), then checked part by part against the rules the readers enforce.
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorkbook, readAllSheets } from '../src/xlsx/index.js';
import { join } from 'node:path';
import { tempDir } from './helpers.js';
import { writeEveryKind, type Kind } from './workbook-kinds.js';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/** Parses strictly: any well-formedness error, illegal character or unbound prefix throws. */
function parse(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const root: Node = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, (a as { value: string }).value])), children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => (stack[stack.length - 1].text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0];
}

function* walk(n: Node): Generator<Node> {
  yield n;
  for (const c of n.children) yield* walk(c);
}

const child = (n: Node, name: string) => n.children.find((c) => c.name === name);

// CT_Worksheet's sequence (ECMA-376 Part 1, 18.3.1.99): Excel refuses or repairs children out of this order.
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems',
  'tableParts', 'extLst',
];

// Built-in number formats that show a date (ECMA-376 18.8.30), and custom ones that contain a day or year.
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 30, 36, 50, 57]);
const isDateFormat = (code: string) => /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ''));

interface Book {
  parts: Map<string, Node>;
  sheets: { name: string; state: string; xml: Node }[];
  dateStyles: Set<number>;
  workbook: Node;
}

async function open(file: string): Promise<Book> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, Node>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || !/\.(xml|rels)$/.test(name)) continue;
    const xml = await zip.files[name].async('string');
    try {
      parts.set(name, parse(xml));
    } catch (e) {
      throw new Error(`${file}!${name}: ${(e as Error).message}`);
    }
  }
  const workbook = parts.get('xl/workbook.xml')!;
  const rels = parts.get('xl/_rels/workbook.xml.rels')!;
  const target = new Map(rels.children.map((r) => [r.attrs.Id, r.attrs.Target.replace(/^\/?(xl\/)?/, 'xl/')]));
  const sheets = child(workbook, 'sheets')!.children.map((s) => ({ name: s.attrs.name, state: s.attrs.state ?? 'visible', xml: parts.get(target.get(s.attrs['r:id'])!)! }));
  const styles = parts.get('xl/styles.xml')!;
  const custom = new Map((child(styles, 'numFmts')?.children ?? []).map((f) => [Number(f.attrs.numFmtId), f.attrs.formatCode]));
  const dateStyles = new Set<number>();
  child(styles, 'cellXfs')!.children.forEach((xf, i) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    if (BUILTIN_DATES.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dateStyles.add(i);
  });
  return { parts, sheets, dateStyles, workbook };
}

/** The text each column's header says, from the last row above the data that has a header fill (the row frozen at the top). */
function headerRow(sheet: Node): Map<string, string> {
  const pane = [...walk(sheet)].find((n) => n.name === 'pane');
  const rowNumber = pane ? Number(pane.attrs.ySplit) : 0;
  const row = child(child(sheet, 'sheetData')!, 'row') && child(sheet, 'sheetData')!.children.find((r) => Number(r.attrs.r) === rowNumber);
  const headers = new Map<string, string>();
  for (const c of row?.children ?? []) headers.set(c.attrs.r.replace(/\d+$/, ''), cellText(c));
  return headers;
}

function cellText(c: Node): string {
  const is = child(c, 'is');
  if (is) return [...walk(is)].filter((n) => n.name === 't').map((n) => n.text).join('');
  return child(c, 'v')?.text ?? '';
}

let books: Record<Kind, Book>;
beforeAll(async () => {
  const files = await writeEveryKind(tempDir('zongzhi-ooxml-'));
  books = Object.fromEntries(await Promise.all(Object.entries(files).map(async ([k, f]) => [k, await open(f)]))) as Record<Kind, Book>;
}, 120_000);

const KINDS: Kind[] = ['report', 'form', 'form-registry', 'wide', 'wide-registry', 'ledger', 'ledger-merged', 'briefing', 'progress-merged', 'briefing-sections'];

describe.each(KINDS)('%s: only OOXML that Excel, WPS and LibreOffice read without repair', (kind) => {
  it('worksheet parts keep the schema order of their children', () => {
    for (const s of books[kind].sheets) {
      const order = s.xml.children.map((c) => c.name);
      const positions = order.map((n) => WORKSHEET_ORDER.indexOf(n));
      expect(positions, `${s.name}: ${order.join(', ')}`).not.toContain(-1);
      expect(positions, `${s.name}: ${order.join(', ')}`).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('text is a shared string or a real inline string: never t="str" without a formula', () => {
    for (const s of books[kind].sheets) {
      for (const c of walk(s.xml)) {
        if (c.name !== 'c') continue;
        if (c.attrs.t === 'str') expect(child(c, 'f'), `${s.name}!${c.attrs.r} is t="str" without <f>`).toBeDefined();
        if (c.attrs.t === 'inlineStr') expect(child(c, 'is'), `${s.name}!${c.attrs.r}`).toBeDefined();
      }
    }
  });

  it('conditional formats: unique priorities per sheet, no data bar without its x14 extension', () => {
    for (const s of books[kind].sheets) {
      const rules = [...walk(s.xml)].filter((n) => n.name === 'cfRule');
      const priorities = rules.map((r) => r.attrs.priority);
      expect(new Set(priorities).size, `${s.name}: priorities ${priorities.join(',')}`).toBe(priorities.length);
      const linked = new Set([...walk(s.xml)].filter((n) => n.name === 'x14:cfRule').map((n) => n.attrs.id));
      for (const bar of rules.filter((r) => r.attrs.type === 'dataBar')) {
        const id = [...walk(bar)].find((n) => n.name === 'x14:id');
        expect(id?.text, `${s.name}: a data bar without an x14:id`).toBeTruthy();
        expect(linked.has(id!.text), `${s.name}: x14:id ${id?.text} has no x14:cfRule`).toBe(true);
      }
    }
  });

  it('dates are date cells: every cell under a date header is a number with a date format', () => {
    for (const s of books[kind].sheets.filter((x) => x.state === 'visible')) {
      const headers = headerRow(s.xml);
      const dateColumns = [...headers].filter(([, h]) => /日期$|^整改时限$/.test(h)).map(([col]) => col);
      const data = child(s.xml, 'sheetData')!.children;
      for (const row of data) {
        for (const c of row.children) {
          const col = c.attrs.r.replace(/\d+$/, '');
          if (!dateColumns.includes(col) || Number(row.attrs.r) <= Number([...walk(s.xml)].find((n) => n.name === 'pane')?.attrs.ySplit ?? 0)) continue;
          if (!child(c, 'v') && !child(c, 'is')) continue;
          expect(c.attrs.t, `${s.name}!${c.attrs.r} "${cellText(c)}" is text, not a date`).toBeUndefined();
          expect(books[kind].dateStyles.has(Number(c.attrs.s ?? 0)), `${s.name}!${c.attrs.r} has no date format`).toBe(true);
        }
      }
    }
  });

  it('every visible sheet prints on A4 with its title rows repeated and a 第 N 页 共 M 页 footer', () => {
    const { sheets, workbook } = books[kind];
    const titles = [...walk(workbook)].filter((n) => n.name === 'definedName' && n.attrs.name === '_xlnm.Print_Titles');
    sheets.forEach((s, i) => {
      if (s.state !== 'visible') return;
      expect(child(s.xml, 'pageSetup')?.attrs.paperSize, s.name).toBe('9');
      expect(child(child(s.xml, 'headerFooter') ?? s.xml, 'oddFooter')?.text, s.name).toMatch(/第 &P 页 共 &N 页/);
      // Rows 1 down to the header: the title is on every page, not only the first.
      const repeated = titles.find((d) => Number(d.attrs.localSheetId) === i)?.text ?? '';
      expect(repeated, s.name).toMatch(/!\$1:\$\d+/);
    });
  });
});

describe('sheet names', () => {
  it('are Chinese, the county summary first', () => {
    expect(books.report.sheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['汇总-县级', '汇总-乡镇', '评分明细', '问题清单']);
  });
});

describe('text that XML 1.0 cannot carry', () => {
  it('never reaches a part: control characters, U+FFFF and lone surrogates are dropped at the writer, vertical tab becomes a line break', async () => {
    const path = join(tempDir('zongzhi-xml-'), 'illegal.xlsx');
    const book = await createWorkbook(path);
    const bad = '甲\u0001区\u000b综治\uffff中心\ud800';
    const sheet = book.addSheet({ name: '汇总', title: `标题${bad}`, subtitle: `副标题${bad}`, columns: [{ header: `名称${bad}`, wrap: true }, { header: '答案' }] });
    sheet.validate('B4:B5', { type: 'list', values: ['是', '否'], title: `答案${bad}`, prompt: `填写${bad}` });
    sheet.addRow([bad, '是']);
    sheet.addNote(`注${bad}`);
    await book.commit();
    const { sheets } = await open(path);
    expect(sheets.map((x) => x.name)).toContain('汇总');
    const rows = (await readAllSheets(path)).find((x) => x.name === '汇总')!.rows;
    expect(rows.map((r) => r.cells[0])).toEqual(['标题甲区\n综治中心', '副标题甲区\n综治中心', '名称甲区\n综治中心', '甲区\n综治中心', '注甲区\n综治中心']);
  });
});
