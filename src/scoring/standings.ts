import { isCenterCode } from '../model/audit.js';
import type { Checklist } from '../model/checklist.js';

/**
 * What ranking and the terminal summary need of a result; the result itself waits in the
 * batch's temp file. The summary reads the few rows it shows back from there: a name,
 * a date or a source held per center would make memory grow with the batch.
 */
export interface Standing {
  code: string;
  /** The audit date as the number YYYYMMDD. */
  day: number;
  /** `id@version` of the checklist it was scored with. */
  checklist: string;
  grade: string;
  veto: string[];
  total: number;
  offset: number;
  length: number;
}

/** Most centers have no veto: they share one empty list (never changed). */
const NO_VETO: string[] = [];

/**
 * The standings of a batch, a typed array per field: off the V8 heap. V8 grows its heap by a
 * multiple of what lives on it, so an object and a few strings per center cost several
 * hundred bytes each at 100,000 centers; these columns cost 37 bytes a center, and the
 * Standing objects exist only while a sink uses them.
 */
export class StandingTable {
  private rows = 0;
  private columns = columnsOf(1024);
  /** Checklist keys and their checklists, by the index a row holds. */
  private readonly keys: string[] = [];
  private readonly checklists: Checklist[] = [];
  /** Veto items of the vetoed centers only, by row. */
  private readonly vetoes = new Map<number, string[]>();
  /** A code that is not 6, 9 or 12 digits (never from a validated source; kept as it is). */
  private readonly oddCodes = new Map<number, string>();

  /** Appends a standing; returns its row. */
  add(s: Standing, checklist: Checklist): number {
    if (this.rows === this.columns.total.length) this.columns = grown(this.columns);
    const row = this.rows++;
    const c = this.columns;
    if (isCenterCode(s.code)) {
      c.code[row] = Number(s.code);
      c.codeDigits[row] = s.code.length;
    } else this.oddCodes.set(row, s.code);
    c.day[row] = s.day;
    c.checklist[row] = this.keyIndex(s.checklist, checklist);
    c.grade[row] = checklist.grades.findIndex((g) => g.name === s.grade);
    if (s.veto.length) this.vetoes.set(row, s.veto);
    c.total[row] = s.total;
    c.offset[row] = s.offset;
    c.length[row] = s.length;
    return row;
  }

  /** How many rows were added, dropped ones included. */
  get count(): number {
    return this.rows;
  }

  /** Row `row` as a Standing (a new object each time). */
  get(row: number): Standing {
    const c = this.columns;
    const checklist = this.checklists[c.checklist[row]];
    return {
      code: this.oddCodes.get(row) ?? String(c.code[row]).padStart(c.codeDigits[row], '0'),
      day: c.day[row],
      checklist: this.keys[c.checklist[row]],
      grade: checklist.grades[c.grade[row]].name,
      veto: this.vetoes.get(row) ?? NO_VETO,
      total: c.total[row],
      offset: c.offset[row],
      length: c.length[row],
    };
  }

  /** Marks a row as not counting (its center has a second row in the same sheet). */
  drop(row: number): void {
    this.columns.dropped[row] = 1;
  }

  /** The rows that count, in the order they were added. */
  kept(): Standing[] {
    const kept: Standing[] = [];
    for (let row = 0; row < this.rows; row++) if (!this.columns.dropped[row]) kept.push(this.get(row));
    return kept;
  }

  private keyIndex(key: string, checklist: Checklist): number {
    let i = this.keys.indexOf(key);
    if (i < 0) {
      i = this.keys.push(key) - 1;
      this.checklists.push(checklist);
    }
    return i;
  }
}

function columnsOf(rows: number) {
  return {
    // 6, 9 or 12 digits: exact in a double; the digit count restores leading zeros.
    code: new Float64Array(rows),
    codeDigits: new Uint8Array(rows),
    day: new Uint32Array(rows),
    checklist: new Uint16Array(rows),
    grade: new Uint8Array(rows),
    total: new Float64Array(rows),
    // Offsets pass 4 GB in a temp file of 300,000 full results.
    offset: new Float64Array(rows),
    length: new Uint32Array(rows),
    dropped: new Uint8Array(rows),
  };
}

function grown(columns: ReturnType<typeof columnsOf>): ReturnType<typeof columnsOf> {
  const next = columnsOf(columns.total.length * 2);
  for (const [name, column] of Object.entries(columns)) next[name as keyof typeof columns].set(column);
  return next;
}
