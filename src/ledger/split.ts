import { t } from '../i18n/index.js';
import { countyOf } from '../model/audit.js';
import type { LedgerRow } from './model.js';

export type SplitBy = 'county' | 'owner';

/** The rows one county or one responsible unit receives. */
export interface LedgerPart {
  /** The county's code, or the unit's name. */
  key: string;
  /** How the part is named to people: the county's name (or code), or the unit. */
  label: string;
  rows: LedgerRow[];
}

/** 责任单位 often names several units (县委政法委、县委编办): each gets the row. */
const OWNER_SEPARATORS = /[、,,;;]/;

/**
 * The ledger cut into the copies sent out: one per county (by the first six digits of the
 * center code) or one per responsible unit, rows in ledger order. A row is copied unchanged,
 * so its fingerprint is the ledger's and `ledger merge` takes the copy back.
 */
export function splitLedger(rows: readonly LedgerRow[], by: SplitBy): LedgerPart[] {
  const parts = new Map<string, LedgerPart>();
  const add = (key: string, label: string, row: LedgerRow) => {
    const part = parts.get(key) ?? { key, label, rows: [] };
    parts.set(key, part);
    part.rows.push(row);
  };
  for (const row of rows) {
    if (by === 'county') {
      add(countyOf(row.centerCode), row.county || countyOf(row.centerCode), row);
      continue;
    }
    const owners = [...new Set(row.owner.split(OWNER_SEPARATORS).map((o) => o.trim()).filter(Boolean))];
    if (owners.length === 0) add('', t('ledger.split.no-owner'), row);
    for (const owner of owners) add(owner, owner, row);
  }
  return [...parts.values()].sort((a, b) => a.key.localeCompare(b.key, 'zh'));
}
