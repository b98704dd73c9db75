import { VERSION } from '../paths.js';
import type { ChecklistRegistry } from '../checklist/registry.js';
import { problem, type Place, type Problem } from '../errors.js';
import { t } from '../i18n/index.js';
import { methodOf } from '../methods/index.js';
import { readAnswer } from '../model/answers.js';
import { isCenterCode, type Answer, type Audit } from '../model/audit.js';
import { placedItems, type Checklist, type Item } from '../model/checklist.js';
import { excelSerial, parseDate } from '../model/dates.js';
import { nearest, normalizeText, splitNames } from '../model/text.js';
import {
  cellAddress,
  cellText,
  columnLetter,
  createWorkbook,
  isCellError,
  NO_RESULT,
  parseRange,
  readWorkbook,
  WorkbookUnreadable,
  type CellValue,
  type ColumnSpec,
  type RowIn,
  type ValidationRule,
  type WorkbookOut,
} from '../xlsx/index.js';
import { progress } from '../xlsx/progress.js';
import type { ResponseRead } from './results-json.js';

/**
 * The fill-in workbook: written by `zongzhi template`, filled by a person in Excel, WPS
 * or LibreOffice, read back by `zongzhi score`. This module owns the format both ways.
 *
 * - `_zongzhi` (veryHidden, first): format, checklist id, version, sha256, layout.
 * - form: 填表说明, 基本信息 (labels in A, values in B), 评分表 (a row per item).
 * - wide: 填表说明, 评分表 (a row per center; an answer column per item headed by its
 *   id, and a `<id> 说明` column for its note).
 *
 * Columns are found by their header and rows by their label or id, never by position,
 * so moved columns and rows read the same.
 */

export const META_SHEET = '_zongzhi';
export const GUIDE_SHEET = '填表说明';
export const INFO_SHEET = '基本信息';
export const FORM_SHEET = '评分表';
export const WIDE_SHEET = '评分表';
export const FORM_HEADERS = ['编号', '类别', '评分项目', '评分标准', '分值', '答案', '问题说明'] as const;
/** How to check each item, for whoever fills the form in; last, so the answer stays in column F. */
export const GUIDANCE_HEADER = '检查方法';
export const WIDE_HEADERS = ['编码', '名称', '检查日期', '检查人'] as const;
export const NOTE_SUFFIX = '说明';
export const INFO_LABELS = ['中心编码', '中心名称', '检查日期', '检查人', '评估清单'] as const;
export type Layout = 'form' | 'wide';
export interface TemplateCenter {
  code: string;
  name: string;
}

const NA = '不适用';
const FORMAT = 1;
/** Data rows a wide template prepares (validation, unlocked cells) beyond its prefilled centers. */
const WIDE_SPARE_ROWS = 200;
const WIDE_MIN_ROWS = 1000;
/** Password of the protected template sheets: stops accidental edits, not a secret (README). */
export const TEMPLATE_PASSWORD = 'zongzhi';

// What a person may have typed as a header, normalised (spaces removed).
const ALIASES: Record<string, string[]> = {
  code: ['编码', '中心编码', '代码', '行政区划代码'],
  name: ['名称', '中心名称', '单位名称'],
  date: ['检查日期', '日期', '评估日期', '检查时间'],
  inspectors: ['检查人', '检查人员', '评估人', '督查人员'],
  id: ['编号', '评分项编号', '项目编号'],
  answer: ['答案', '评估结果', '填报答案', '得分情况'],
  note: ['问题说明', '说明', '备注', '存在问题'],
};
const NOTE_WORDS = ['说明', '备注', '问题说明', 'note'];
const ITEM_HEADER = /^([A-Za-z][A-Za-z0-9]*-\d+)\s*(.*)$/;

// ───────────────────────────── writing ─────────────────────────────

function generator(): string {
  return `zongzhi-audit ${VERSION}`;
}

function writeMeta(book: WorkbookOut, checklist: Checklist, layout: Layout): void {
  const sheet = book.addSheet({ name: META_SHEET, state: 'veryHidden', look: 'plain', columns: [{ header: 'key' }, { header: 'value' }] });
  sheet.addRow(['format', FORMAT]);
  sheet.addRow(['checklist', checklist.id]);
  sheet.addRow(['version', checklist.version]);
  sheet.addRow(['sha256', checklist.sha256]);
  sheet.addRow(['layout', layout]);
  sheet.addRow(['generator', generator()]);
}

function writeGuide(book: WorkbookOut, checklist: Checklist, layout: Layout): void {
  const sheet = book.addSheet({
    name: GUIDE_SHEET,
    title: t('template.guide.title', { name: checklist.name }),
    subtitle: t('template.guide.subtitle', { id: checklist.id, version: checklist.version, total: checklist.total.toString() }),
    columns: [{ header: t('template.guide.no'), width: 5, align: 'center' }, { header: t('template.guide.text'), width: 86, wrap: true }],
    autoFilter: false,
    portrait: true,
  });
  const lines = [
    t(`template.guide.${layout}.1`),
    t(`template.guide.${layout}.2`),
    t('template.guide.answers'),
    t('template.guide.na'),
    t('template.guide.blank'),
    t('template.guide.keep', { meta: META_SHEET }),
    t('template.guide.return'),
  ];
  lines.forEach((line, i) => sheet.addRow([i + 1, line]));
  const grades = checklist.grades.map((g) => `${g.name} ≥ ${g.min}`).join(t('list.separator'));
  sheet.addRow(['', t('template.guide.grades', { grades })]);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The validation of an item's answer cells, from its method's CellSpec; `ref` is the range's top-left cell. */
function answerRule(item: Item, ref: string): ValidationRule {
  const method = methodOf(item);
  const spec = method.cell(item);
  const hint = method.hint(item) + (item.na ? t('template.na-hint') : '');
  const title = clip(`${item.id} ${item.title}`, 32);
  const prompt = clip(`${hint}\n${t('template.criteria')}${item.criteria}`, 255);
  const error = clip(t('template.invalid', { hint }), 255);
  switch (spec.kind) {
    case 'list':
      return { type: 'list', values: item.na ? [...spec.values, NA] : spec.values, title, prompt, error };
    case 'whole':
    case 'decimal': {
      if (!item.na) return { type: spec.kind, min: spec.min, max: spec.max, title, prompt, error };
      const tests = [`ISNUMBER(${ref})`];
      if (spec.min !== undefined) tests.push(`${ref}>=${spec.min}`);
      if (spec.max !== undefined) tests.push(`${ref}<=${spec.max}`);
      if (spec.kind === 'whole') tests.push(`INT(${ref})=${ref}`);
      return { type: 'custom', formula: `OR(${ref}="${NA}",AND(${tests.join(',')}))`, title, prompt, error };
    }
    default:
      return { type: 'any', title, prompt };
  }
}

/** One fill-in workbook for one center (or a blank one): 填表说明, 基本信息, 评分表. */
export async function writeFormTemplate(path: string, checklist: Checklist, center: TemplateCenter | undefined, opts: { force?: boolean } = {}): Promise<void> {
  const book = await createWorkbook(path, opts);
  try {
    writeMeta(book, checklist, 'form');
    writeGuide(book, checklist, 'form');

    const info = book.addSheet({
      name: INFO_SHEET,
      title: t('template.info.title'),
      columns: [
        { header: t('template.info.field'), width: 12 },
        { header: t('template.info.value'), width: 30, unlocked: true, input: true, kind: 'code', wrap: true },
        { header: t('template.info.help'), width: 48, wrap: true },
      ],
      autoFilter: false,
      portrait: true,
    });
    const [codeLabel, nameLabel, dateLabel, inspectorsLabel, checklistLabel] = INFO_LABELS;
    const codeRow = info.addRow([codeLabel, center?.code ?? '', t('template.info.code-help')]);
    info.addRow([nameLabel, center?.name ?? '', t('template.info.name-help')]);
    const dateRow = info.addRow([dateLabel, '', t('template.info.date-help')]);
    info.addRow([inspectorsLabel, '', t('template.info.inspectors-help')]);
    info.addRow([checklistLabel, `${checklist.name} ${checklist.version}`, '']);
    info.validate(`B${codeRow}`, { type: 'any', title: codeLabel, prompt: t('template.info.code-help') });
    info.validate(`B${dateRow}`, { type: 'any', title: dateLabel, prompt: t('template.info.date-help') });
    info.protect(TEMPLATE_PASSWORD);

    const sheet = book.addSheet({
      name: FORM_SHEET,
      title: `${checklist.name}(${checklist.version})`,
      subtitle: center ? `${center.code} ${center.name}` : undefined,
      columns: [
        { header: FORM_HEADERS[0], width: 8 },
        { header: FORM_HEADERS[1], width: 10, wrap: true },
        { header: FORM_HEADERS[2], width: 18, wrap: true },
        { header: FORM_HEADERS[3], width: 36, wrap: true },
        { header: FORM_HEADERS[4], width: 5, kind: 'number', align: 'center' },
        { header: FORM_HEADERS[5], width: 12, unlocked: true, input: true, wrap: true },
        { header: FORM_HEADERS[6], width: 20, unlocked: true, input: true, wrap: true },
        { header: GUIDANCE_HEADER, width: 22, wrap: true },
      ],
    });
    const answerCol = 6;
    for (const { item, dimension, penalty } of placedItems(checklist)) {
      const category = dimension ? dimension.name : penalty ? checklist.penalties!.name : t('template.bonus', { cap: checklist.bonus?.cap ?? 0 });
      const title = item.veto ? `${item.title}${t('template.veto')}` : item.title;
      const row = sheet.addRow([item.id, category, title, item.criteria, item.points, null, null, item.guidance ?? '']);
      const ref = cellAddress(answerCol, row);
      sheet.validate(ref, answerRule(item, ref));
    }
    sheet.protect(TEMPLATE_PASSWORD);
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

/** One sheet for many centers: a row per center, an answer and a note column per item. */
export async function writeWideTemplate(
  path: string,
  checklist: Checklist,
  centers: TemplateCenter[],
  opts: { force?: boolean; onRow?: () => void } = {},
): Promise<void> {
  const book = await createWorkbook(path, opts);
  try {
    writeMeta(book, checklist, 'wide');
    writeGuide(book, checklist, 'wide');
    const placed = placedItems(checklist);
    const prefilled = centers.length > 0;
    const columns: ColumnSpec[] = [
      { header: WIDE_HEADERS[0], kind: 'code', width: 13, unlocked: !prefilled, input: !prefilled },
      { header: WIDE_HEADERS[1], width: 12, wrap: true, unlocked: !prefilled, input: !prefilled },
      { header: WIDE_HEADERS[2], kind: 'date', width: 12, unlocked: true, input: true },
      { header: WIDE_HEADERS[3], width: 12, unlocked: true, input: true, wrap: true },
    ];
    // Narrow item columns (headers wrap): six items to a printed page.
    for (const { item } of placed) {
      columns.push({ header: `${item.id}\n${clip(item.title, 24)}(${item.points})`, width: 8, unlocked: true, input: true, wrap: true, align: 'center' });
      columns.push({ header: `${item.id} ${NOTE_SUFFIX}`, width: 8, unlocked: true, wrap: true });
    }
    const groups: { label: string; columns: number }[] = [{ label: '', columns: WIDE_HEADERS.length }];
    for (const dim of checklist.dimensions) groups.push({ label: `${dim.name}(${dim.points})`, columns: dim.items.length * 2 });
    if (checklist.bonus) groups.push({ label: t('template.bonus', { cap: checklist.bonus.cap }), columns: checklist.bonus.items.length * 2 });
    if (checklist.penalties) groups.push({ label: checklist.penalties.name, columns: checklist.penalties.items.length * 2 });
    const sheet = book.addSheet({
      name: WIDE_SHEET,
      title: `${checklist.name}(${checklist.version})${t('template.wide.title')}`,
      groups,
      columns,
      // Some 90 columns: printed across pages with code and name repeated, not shrunk to one.
      freezeColumns: 2,
    });
    const rows = Math.max(centers.length + WIDE_SPARE_ROWS, WIDE_MIN_ROWS);
    const first = sheet.firstDataRow;
    const last = first + rows - 1;
    placed.forEach(({ item }, i) => {
      const col = WIDE_HEADERS.length + 1 + i * 2;
      sheet.validate(`${columnLetter(col)}${first}:${columnLetter(col)}${last}`, answerRule(item, cellAddress(col, first)));
    });
    sheet.validate(`C${first}:C${last}`, { type: 'any', title: WIDE_HEADERS[2], prompt: t('template.info.date-help') });
    for (const c of centers) {
      sheet.addRow([c.code, c.name]);
      await sheet.drain();
      opts.onRow?.();
    }
    sheet.protect(TEMPLATE_PASSWORD);
    await book.commit();
  } catch (e) {
    await book.abort();
    throw e;
  }
}

// ───────────────────────────── reading ─────────────────────────────

interface Meta {
  ref?: { id: string; version: string; sha256?: string };
  layout?: Layout;
  place: (key: string) => Place;
}

/** `merges` is complete once `rows` has been read through (a sheet stores its merges after its cells). */
type Sheet = { name: string; merges: () => string[]; rows: RowIn[] | AsyncIterable<RowIn> };

function clean(v: CellValue): string {
  return normalizeText(cellText(v));
}

function headerKey(v: CellValue): string {
  return clean(v).split('\n')[0].replace(/\s/g, '').replace(/[*＊]|[(（]必填[)）]$/g, '').toLowerCase();
}

function aliasOf(v: CellValue): string | undefined {
  const h = headerKey(v);
  return Object.keys(ALIASES).find((k) => ALIASES[k].includes(h));
}

/** An item header: "INS-01" or "INS-01\n标题" is its answer column, "INS-01 说明" its note column. */
function itemHeader(v: CellValue): { id: string; note: boolean } | undefined {
  const first = normalizeText(cellText(v).split('\n')[0]);
  const m = ITEM_HEADER.exec(first);
  if (!m) return undefined;
  const rest = m[2].replace(/\s/g, '').toLowerCase();
  if (rest === '') return { id: m[1].toUpperCase(), note: false };
  if (NOTE_WORDS.includes(rest)) return { id: m[1].toUpperCase(), note: true };
  return undefined;
}

/** A cell as an answer value for readAnswer: what a person typed, never what Excel turned it into. */
function rawAnswer(v: CellValue): unknown {
  if (v instanceof Date) {
    // A number typed into a date-formatted cell comes back as a date in 1900.
    return v.getUTCFullYear() <= 1900 ? excelSerial(v) : cellText(v);
  }
  return v;
}

/** A center code from a cell: text as is; a number only when it still has 6, 9 or 12 digits. */
function codeFrom(v: CellValue, place: Place, problems: Problem[]): string | undefined {
  if (typeof v === 'number') {
    const s = String(v);
    if (isCenterCode(s)) return s;
    problems.push(problem('centers.code-number', { value: s }, place));
    return undefined;
  }
  const s = clean(v).replace(/\s/g, '');
  if (s === '') {
    problems.push(problem('sheet.code-missing', {}, place));
    return undefined;
  }
  if (!isCenterCode(s)) {
    problems.push(problem('centers.code', { value: s }, place));
    return undefined;
  }
  return s;
}

function dateFrom(v: CellValue, place: Place, problems: Problem[]): string | undefined {
  if (v === null || clean(v) === '') {
    problems.push(problem('sheet.date-missing', {}, place));
    return undefined;
  }
  const date = isCellError(v) ? undefined : parseDate(v);
  if (!date) problems.push(problem('sheet.date', { value: cellText(v) }, place));
  return date;
}


/**
 * Reads one item's answer (and note) from cells, through readAnswer so a workbook accepts
 * exactly what an audit file accepts. Problems are placed at the answer cell.
 */
function answerFrom(item: Item, value: CellValue, note: CellValue, place: () => Place, problems: Problem[]): Answer | undefined {
  if (isCellError(value)) {
    problems.push(value.error === NO_RESULT ? problem('sheet.formula-no-result', {}, place()) : problem('sheet.cell-error', { value: value.error }, place()));
    return undefined;
  }
  const outcome = readAnswer(item, { value: rawAnswer(value), note: note === null || isCellError(note) ? undefined : cellText(note) });
  if (outcome.kind === 'error') {
    problems.push(problem(outcome.code, outcome.params, place()));
    return undefined;
  }
  return outcome.kind === 'answer' ? outcome.answer : undefined;
}

/** Finds the header row among the first rows: the first that `test` accepts. */
async function headerOf(rows: AsyncIterator<RowIn>, test: (row: RowIn) => boolean, limit = 10): Promise<RowIn | undefined> {
  for (let i = 0; i < limit; i++) {
    const next = await rows.next();
    if (next.done) return undefined;
    if (test(next.value)) return next.value;
  }
  return undefined;
}

function iterate(rows: RowIn[] | AsyncIterable<RowIn>): AsyncIterator<RowIn> {
  if (Array.isArray(rows)) {
    return (async function* () {
      yield* rows;
    })();
  }
  return rows[Symbol.asyncIterator]();
}

async function drain(rows: RowIn[] | AsyncIterable<RowIn>): Promise<RowIn[]> {
  if (Array.isArray(rows)) return rows;
  const out: RowIn[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

function readMeta(rows: RowIn[], file: string, sheet: string): Meta {
  const values = new Map<string, { value: string; row: number }>();
  for (const r of rows) {
    const key = clean(r.cells[0] ?? null).toLowerCase();
    if (key) values.set(key, { value: clean(r.cells[1] ?? null), row: r.number });
  }
  const place = (key: string): Place => ({ file, sheet, cell: `B${values.get(key)?.row ?? 1}` });
  const id = values.get('checklist')?.value;
  const version = values.get('version')?.value;
  const sha256 = values.get('sha256')?.value || undefined;
  const layout = values.get('layout')?.value;
  return {
    ref: id && version ? { id, version, sha256 } : undefined,
    layout: layout === 'form' || layout === 'wide' ? layout : undefined,
    place,
  };
}

/** Which checklist a workbook without `_zongzhi` was filled against: the --checklist one whose items its headers name. */
function guessChecklist(ids: Set<string>, registry: ChecklistRegistry, place: Place, problems: Problem[]): Checklist | undefined {
  const named = registry.named();
  if (named.length === 0) {
    problems.push(problem('sheet.no-meta', { meta: META_SHEET }, place));
    return undefined;
  }
  const matching = named.filter((c) => placedItems(c).some(({ item }) => ids.has(item.id)));
  if (matching.length === 1 || (matching.length === 0 && named.length === 1 && ids.size === 0)) return matching[0] ?? named[0];
  if (matching.length === 0) {
    problems.push(problem('sheet.no-matching-checklist', { checklists: named.map((c) => `${c.id} ${c.version}`).join(', ') }, place));
    return undefined;
  }
  // Several match: the one that covers the most of the headers, if it is unique.
  const scored = matching.map((c) => ({ c, n: placedItems(c).filter(({ item }) => ids.has(item.id)).length })).sort((a, b) => b.n - a.n);
  if (scored[0].n > scored[1].n) return scored[0].c;
  problems.push(problem('sheet.ambiguous-checklist', { checklists: matching.map((c) => `${c.id} ${c.version}`).join(', ') }, place));
  return undefined;
}

export interface ReadOptions {
  /** Called once per data row read (progress). */
  onRow?: () => void;
  /** Streaming: each wide-sheet row's response as it is read, instead of in the returned list. */
  onResponse?: (response: ResponseRead) => void;
  /** Streaming: a response already passed to onResponse that does not count after all (its center has a second row). */
  onWithdraw?: (source: string) => void;
}

/**
 * Reads a filled template of either layout. Returns every valid center's response and
 * every problem (a wide sheet's other rows still count when one row is wrong; the
 * command decides what to do with problems). Never throws for bad input.
 */
export async function readFilledWorkbook(file: string, registry: ChecklistRegistry, opts: ReadOptions = {}): Promise<{ responses: ResponseRead[]; problems: Problem[] }> {
  // A wide sheet of thousands of centers takes a while: rows read, on a terminal only.
  const bar = opts.onRow ? undefined : progress(t('sheet.progress-read', { file }));
  try {
    return await readFilled(file, registry, bar ? { ...opts, onRow: () => bar.tick() } : opts);
  } finally {
    bar?.done();
  }
}

async function readFilled(file: string, registry: ChecklistRegistry, opts: ReadOptions): Promise<{ responses: ResponseRead[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const responses: ResponseRead[] = [];
  let meta: Meta | undefined;
  let checklist: Checklist | undefined;
  const held: Sheet[] = [];
  const names: string[] = [];
  let wideDone = false;
  try {
    for await (const s of readWorkbook(file)) {
      names.push(s.name);
      if (s.name.toLowerCase() === META_SHEET.toLowerCase()) {
        meta = readMeta(await drain(s.rows()), file, s.name);
        if (!meta.ref) {
          problems.push(problem('sheet.meta-field', { meta: META_SHEET }, { file, sheet: s.name }));
          return { responses, problems };
        }
        // Without its hash the check that the checklist is unchanged would silently not run.
        if (!meta.ref.sha256) return { responses, problems: [problem('sheet.meta-blank-sha256', { meta: META_SHEET }, meta.place('sha256'))] };
        const found = registry.find(meta.ref, meta.place('version'));
        if (!found.ok) return { responses, problems: [found.problem] };
        checklist = found.checklist;
        continue;
      }
      if (s.state !== 'visible' || s.name === GUIDE_SHEET || wideDone) continue;
      if (checklist && meta?.layout === 'wide') {
        // Streaming: the wide sheet is read as it arrives, never held in memory.
        wideDone = await readWide({ name: s.name, merges: s.merges, rows: s.rows() }, file, meta, registry, checklist, problems, responses, opts);
        continue;
      }
      // Without _zongzhi so far, or a form (small): hold the sheet's rows.
      held.push({ name: s.name, merges: s.merges, rows: await drain(s.rows()) });
    }
  } catch (e) {
    if (e instanceof WorkbookUnreadable) return { responses: [], problems: [e.problem] };
    throw e;
  }
  if (wideDone) return { responses, problems };
  const layout = meta?.layout ?? guessLayout(held);
  if (layout === 'form') {
    readForm(held, names, file, meta, registry, checklist, problems, responses);
    return { responses, problems };
  }
  for (const sheet of held) {
    if (await readWide(sheet, file, meta, registry, checklist, problems, responses, opts)) return { responses, problems };
  }
  problems.push(problem('sheet.no-table', { sheets: names.filter((n) => !n.startsWith('_')).join('、') || '-' }, { file }));
  return { responses, problems };
}

function guessLayout(sheets: Sheet[]): Layout {
  if (sheets.some((s) => s.name === INFO_SHEET)) return 'form';
  for (const s of sheets) {
    const rows = s.rows as RowIn[];
    for (const r of rows.slice(0, 10)) {
      const keys = r.cells.map(aliasOf);
      if (keys.includes('id') && keys.includes('answer')) return 'form';
      if (keys.includes('code')) return 'wide';
    }
  }
  return 'wide';
}

/** Merged ranges that cover more than one row of a column: their lower cells read blank. */
function mergesIn(merges: string[], col: number, fromRow: number): string[] {
  return merges.filter((m) => {
    const r = parseRange(m);
    return r !== undefined && r.left <= col && col <= r.right && r.bottom > r.top && r.bottom >= fromRow;
  });
}

function readForm(sheets: Sheet[], names: string[], file: string, meta: Meta | undefined, registry: ChecklistRegistry, known: Checklist | undefined, problems: Problem[], responses: ResponseRead[]): void {
  const before = problems.length;
  const info = sheets.find((s) => s.name === INFO_SHEET);
  const form = sheets.find((s) => s.name === FORM_SHEET) ?? sheets.find((s) => s !== info);
  if (!info) problems.push(problem('sheet.missing-sheet', { name: INFO_SHEET, sheets: names.join('、') }, { file }));
  if (!form) {
    problems.push(problem('sheet.missing-sheet', { name: FORM_SHEET, sheets: names.join('、') }, { file }));
    return;
  }
  const rows = form.rows as RowIn[];
  const headerRow = rows.slice(0, 10).find((r) => r.cells.some((c) => aliasOf(c) === 'id'));
  if (!headerRow) {
    problems.push(problem('sheet.no-header', { headers: FORM_HEADERS.join('、') }, { file, sheet: form.name }));
    return;
  }
  const cols: Record<string, number> = {};
  headerRow.cells.forEach((c, i) => {
    const key = aliasOf(c);
    if (key && cols[key] === undefined) cols[key] = i;
  });
  for (const [key, header] of [
    ['id', FORM_HEADERS[0]],
    ['answer', FORM_HEADERS[5]],
  ] as const) {
    if (cols[key] === undefined) {
      problems.push(problem('sheet.missing-column', { column: header, headers: FORM_HEADERS.join('、') }, { file, sheet: form.name, cell: `A${headerRow.number}` }));
    }
  }
  if (cols.id === undefined || cols.answer === undefined) return;
  const at = (col: number, row: number): Place => ({ file, sheet: form.name, cell: cellAddress(col + 1, row) });

  const dataRows = rows.filter((r) => r.number > headerRow.number);
  const ids = new Set(dataRows.map((r) => clean(r.cells[cols.id] ?? null).toUpperCase()).filter(Boolean));
  const checklist = known ?? (meta ? undefined : guessChecklist(ids, registry, { file }, problems));
  if (!checklist) return;
  const items = new Map(placedItems(checklist).map(({ item }) => [item.id, item]));

  for (const m of mergesIn(form.merges(), cols.answer + 1, headerRow.number + 1)) {
    problems.push(problem('sheet.merged', { range: m }, { file, sheet: form.name, cell: m.split(':')[0] }));
  }

  const answers: Record<string, Answer> = {};
  const seen = new Map<string, number>();
  for (const r of dataRows) {
    const idCell = r.cells[cols.id] ?? null;
    const value = r.cells[cols.answer] ?? null;
    const note = cols.note === undefined ? null : (r.cells[cols.note] ?? null);
    const id = clean(idCell).toUpperCase();
    if (id === '') {
      if (value !== null && clean(value) !== '') problems.push(problem('sheet.answer-without-id', {}, at(cols.id, r.number)));
      continue;
    }
    const item = items.get(id);
    if (!item) {
      const near = nearest(id, [...items.keys()]);
      problems.push(problem(near ? 'sheet.unknown-item-near' : 'sheet.unknown-item', { value: id, checklist: `${checklist.id} ${checklist.version}`, near: near ?? '' }, at(cols.id, r.number)));
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(problem('sheet.duplicate-item', { id, first: cellAddress(cols.id + 1, first) }, at(cols.id, r.number)));
      continue;
    }
    seen.set(id, r.number);
    const answer = answerFrom(item, value, note, () => at(cols.answer, r.number), problems);
    if (answer) answers[id] = answer;
  }
  const missing = [...items.keys()].filter((id) => !seen.has(id));
  if (missing.length) problems.push(problem('sheet.missing-item-rows', { items: missing.join('、') }, { file, sheet: form.name }));

  // 基本信息: labels in one column, values in the next, wherever the rows are.
  let code: string | undefined;
  let codePlace: Place = { file, sheet: info?.name };
  let name = '';
  let date: string | undefined;
  let inspectors: string[] = [];
  if (info) {
    const found = new Map<string, { value: CellValue; place: Place }>();
    for (const r of info.rows as RowIn[]) {
      r.cells.forEach((c, i) => {
        const label = headerKey(c);
        const key = label === '中心编码' || label === '编码' ? 'code' : label === '中心名称' || label === '名称' ? 'name' : aliasOf(c);
        if (key && ['code', 'name', 'date', 'inspectors'].includes(key) && !found.has(key)) {
          found.set(key, { value: r.cells[i + 1] ?? null, place: { file, sheet: info.name, cell: cellAddress(i + 2, r.number) } });
        }
      });
    }
    const missingLabel = (key: string, label: string) => {
      if (!found.has(key)) problems.push(problem('sheet.info-missing', { label }, { file, sheet: info.name }));
      return found.get(key);
    };
    const c = missingLabel('code', INFO_LABELS[0]);
    if (c) {
      code = codeFrom(c.value, c.place, problems);
      codePlace = c.place;
    }
    const n = missingLabel('name', INFO_LABELS[1]);
    if (n) {
      name = clean(n.value);
      if (!name) problems.push(problem('sheet.name-missing', {}, n.place));
    }
    const d = missingLabel('date', INFO_LABELS[2]);
    if (d) date = dateFrom(d.value, d.place, problems);
    const p = found.get('inspectors');
    if (p) inspectors = splitNames(cellText(p.value));
  }
  if (problems.length > before || !code || !date) return;
  responses.push({
    checklist,
    audit: { ...auditOf(file, checklist, meta, { code, name }, date, inspectors, answers), centerAt: () => codePlace },
  });
}

function auditOf(source: string, checklist: Checklist, meta: Meta | undefined, center: { code: string; name: string }, date: string, inspectors: string[], answers: Record<string, Answer>): Audit {
  return {
    source,
    checklist: { id: checklist.id, version: checklist.version, sha256: meta?.ref?.sha256 ?? checklist.sha256 },
    center,
    date,
    inspectors,
    status: 'final',
    answers,
    findings: {},
  };
}

/**
 * Reads a wide sheet: the header row names the columns; every later row is a center.
 * Returns false when this sheet has no such header (so another sheet may be tried).
 */
async function readWide(
  sheet: Sheet,
  file: string,
  meta: Meta | undefined,
  registry: ChecklistRegistry,
  known: Checklist | undefined,
  problems: Problem[],
  responses: ResponseRead[],
  opts: ReadOptions,
): Promise<boolean> {
  const rows = iterate(sheet.rows);
  const header = await headerOf(rows, (r) => r.cells.some((c) => aliasOf(c) === 'code') && r.cells.some((c) => itemHeader(c) !== undefined));
  if (!header) return false;
  const at = (col: number, row: number): Place => ({ file, sheet: sheet.name, cell: cellAddress(col + 1, row) });
  const cols: Record<string, number> = {};
  const answerCols = new Map<string, number>();
  const noteCols = new Map<string, number>();
  const headerProblems: Problem[] = [];
  header.cells.forEach((c, i) => {
    const item = itemHeader(c);
    if (item) {
      const map = item.note ? noteCols : answerCols;
      const first = map.get(item.id);
      if (first !== undefined) headerProblems.push(problem('sheet.duplicate-column', { header: clean(c).split('\n')[0], first: cellAddress(first + 1, header.number) }, at(i, header.number)));
      else map.set(item.id, i);
      return;
    }
    const key = aliasOf(c);
    if (key && cols[key] === undefined) cols[key] = i;
  });
  const checklist = known ?? (meta ? undefined : guessChecklist(new Set(answerCols.keys()), registry, { file, sheet: sheet.name }, problems));
  if (!checklist) return true;
  const items = new Map(placedItems(checklist).map(({ item }) => [item.id, item]));
  for (const [id, col] of [...answerCols, ...noteCols]) {
    if (!items.has(id)) {
      const near = nearest(id, [...items.keys()]);
      headerProblems.push(problem(near ? 'sheet.unknown-item-near' : 'sheet.unknown-item', { value: id, checklist: `${checklist.id} ${checklist.version}`, near: near ?? '' }, at(col, header.number)));
    }
  }
  const missing = [...items.keys()].filter((id) => !answerCols.has(id));
  if (missing.length) headerProblems.push(problem('sheet.missing-item-columns', { items: missing.join('、') }, at(0, header.number)));
  for (const [key, label] of [
    ['name', WIDE_HEADERS[1]],
    ['date', WIDE_HEADERS[2]],
  ] as const) {
    if (cols[key] === undefined) headerProblems.push(problem('sheet.missing-column', { column: label, headers: WIDE_HEADERS.join('、') }, at(0, header.number)));
  }
  problems.push(...headerProblems);
  // A broken header makes every row wrong in the same way: say it once.
  if (headerProblems.length) return true;

  const sourceOf = (row: number) => `${file}!${sheet.name}!${cellAddress(cols.code + 1, row)}`;
  const answerList = [...answerCols].map(([id, col]) => ({ item: items.get(id)!, col, note: noteCols.get(id) }));
  const seen = new Map<string, number>();
  const duplicated = new Set<string>();
  const mine: ResponseRead[] = [];
  let any = false;
  const filled = [cols.date, cols.inspectors, ...answerList.flatMap((a) => [a.col, a.note])].filter((i): i is number => i !== undefined);
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    const r = next.value;
    opts.onRow?.();
    const cells = r.cells;
    const get = (i: number | undefined): CellValue => (i === undefined ? null : (cells[i] ?? null));
    const blank = (i: number | undefined) => {
      const v = get(i);
      return v === null || (typeof v === 'string' && clean(v) === '');
    };
    // A row with nothing but its code and name is a center not audited (prefilled templates): skipped.
    if (filled.every(blank)) continue;
    any = true;
    const rowProblems: Problem[] = [];
    const code = codeFrom(get(cols.code), at(cols.code, r.number), rowProblems);
    if (code) {
      const first = seen.get(code);
      if (first !== undefined) {
        rowProblems.push(problem('sheet.duplicate-center', { code, first: cellAddress(cols.code + 1, first) }, at(cols.code, r.number)));
        duplicated.add(code);
      } else seen.set(code, r.number);
    }
    const name = clean(get(cols.name));
    if (!name) rowProblems.push(problem('sheet.name-missing', {}, at(cols.name, r.number)));
    const date = dateFrom(get(cols.date), at(cols.date, r.number), rowProblems);
    const inspectors = splitNames(cellText(get(cols.inspectors)));
    const answers: Record<string, Answer> = {};
    for (const a of answerList) {
      const answer = answerFrom(a.item, get(a.col), get(a.note), () => at(a.col, r.number), rowProblems);
      if (answer) answers[a.item.id] = answer;
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && code && date) {
      const codePlace = at(cols.code, r.number);
      const response = { checklist, audit: { ...auditOf(sourceOf(r.number), checklist, meta, { code, name }, date, inspectors, answers), centerAt: () => codePlace } };
      if (opts.onResponse) opts.onResponse(response);
      else mine.push(response);
    }
  }
  if (opts.onResponse) for (const code of duplicated) opts.onWithdraw?.(sourceOf(seen.get(code)!));
  for (const m of mergesIn(sheet.merges(), 1, header.number + 1)) {
    problems.push(problem('sheet.merged', { range: m }, { file, sheet: sheet.name, cell: m.split(':')[0] }));
  }
  // Two rows for one center: neither is trusted.
  responses.push(...(duplicated.size ? mine.filter((m) => !duplicated.has(m.audit.center.code)) : mine));
  if (!any) problems.push(problem('sheet.no-data', {}, { file, sheet: sheet.name }));
  return true;
}
