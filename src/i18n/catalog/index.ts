// One catalogue, split by area so each area's messages sit together; keys are unique across areas.
import core from './core.js';
import checklist from './checklist.js';
import scoring from './scoring.js';
import audit from './audit.js';
import sheet from './sheet.js';
import ledger from './ledger.js';
import briefing from './briefing.js';
import plan from './plan.js';
import rules from './rules.js';
import history from './history.js';
import input from './input.js';
import progress from './progress.js';
import charts from './charts.js';
import scale from './scale.js';

export interface Message {
  zh: string;
  en: string;
}

export const catalog: Record<string, Message> = {
  ...core,
  ...checklist,
  ...scoring,
  ...audit,
  ...sheet,
  ...ledger,
  ...briefing,
  ...plan,
  ...rules,
  ...history,
  ...input,
  ...progress,
  ...charts,
  ...scale,
};
