import { problem, UserError, type Problem } from '../errors.js';
import { isCenterCode } from '../model/audit.js';
import { normalizeText, splitNames } from '../model/text.js';
import type { Inspector } from '../plan/model.js';
import { columnsOf, readTable } from './centers.js';

/**
 * The inspectors roster (inspectors.csv / .xlsx): 姓名, 单位, 所属县 (the home county's
 * 6-digit code, or its name as the registry gives it; a city-level inspector gives the
 * city's code ending in 00), optional 角色 (组长/组员) and 回避 (center or county codes
 * this inspector must not inspect, separated by 、).
 */
const HEADERS: Record<keyof Inspector, string[]> = {
  name: ['姓名', '名字', 'name'],
  unit: ['单位', '工作单位', '所在单位', 'unit'],
  county: ['所属县', '所属县编码', '所属县(市、区)', '所在县', '所在县编码', '籍贯县', 'county'],
  role: ['角色', '职务', '分工', 'role'],
  conflicts: ['回避', '回避单位', '回避编码', 'conflicts'],
};

/** Reads the roster; `counties` maps a county's name (甲区) to its code, so either may be written. Throws every problem, located. */
export async function readInspectors(file: string, counties: ReadonlyMap<string, string>): Promise<Inspector[]> {
  const table = await readTable(file);
  if (table.problems.length) throw new UserError(table.problems);
  const headerAt = table.rows.slice(0, 10).findIndex((r) => columnsOf(r.cells, HEADERS).name !== undefined);
  if (headerAt < 0) throw new UserError([problem('inspectors.no-header', { path: file, headers: '姓名, 单位, 所属县, 角色, 回避' }, table.rows[0]?.place(0) ?? { file })]);
  const cols = columnsOf(table.rows[headerAt].cells, HEADERS);
  const inspectors: Inspector[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const row of table.rows.slice(headerAt + 1)) {
    const cell = (key: keyof Inspector) => (cols[key] === undefined ? '' : text(row.cells[cols[key]!]));
    if (row.cells.every((c) => text(c) === '')) continue;
    const rowProblems: Problem[] = [];
    const name = cell('name');
    if (!name) rowProblems.push(problem('inspectors.name-missing', {}, row.place(cols.name!)));
    // The same person twice would sit in two teams.
    const first = seen.get(`${name}|${cell('unit')}`);
    if (name && first !== undefined) rowProblems.push(problem('inspectors.duplicate', { name, first }, row.place(cols.name!)));
    else seen.set(`${name}|${cell('unit')}`, row.place(cols.name!).cell ?? String(row.place(cols.name!).line));
    const countyText = cell('county').replace(/\s/g, '');
    const county = /^\d{6}$/.test(countyText) ? countyText : counties.get(countyText);
    const countyPlace = row.place(cols.county ?? cols.name!);
    if (!countyText) rowProblems.push(problem('inspectors.county-missing', { name }, countyPlace));
    else if (!county) rowProblems.push(problem('inspectors.county-unknown', { value: countyText, names: [...counties.keys()].join('、') }, countyPlace));
    const conflicts = splitNames(cell('conflicts'));
    for (const c of conflicts.filter((x) => !isCenterCode(x))) rowProblems.push(problem('inspectors.conflict-code', { value: c }, row.place(cols.conflicts!)));
    problems.push(...rowProblems);
    if (rowProblems.length === 0) inspectors.push({ name, unit: cell('unit'), county: county!, role: cell('role'), conflicts });
  }
  if (problems.length) throw new UserError(problems);
  if (inspectors.length === 0) throw new UserError([problem('inspectors.empty', { path: file }, { file })]);
  return inspectors;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : normalizeText(String(v));
}
