import type { History } from '../history/model.js';

/**
 * The history as JSON, in the convention of the other JSON outputs (README, "JSON 输出的
 * 约定"): camelCase, the center as {code, name}, figures as the tables show them, null for "—".
 */
export function historyJsonText(h: History): string {
  const json = {
    format: 1,
    center: { code: h.code, name: h.name },
    audits: h.audits.map((a, i) => {
      const change = i === 0 ? undefined : h.changes[i - 1];
      return {
        date: a.date,
        status: a.status,
        checklist: a.checklist,
        total: a.total,
        change: change?.total ? Number(change.total.toFixed(a.precision)) : null,
        grade: a.grade,
        veto: a.veto,
        dimensions: a.dimensions,
        findings: a.findings,
      };
    }),
    changes: h.changes.map((c) => ({
      from: c.from,
      to: c.to,
      comparable: c.comparable,
      gradeFrom: c.grade.from,
      gradeTo: c.grade.to,
      dimensions: c.dimensions.map((d) => ({ id: d.id, name: d.name, change: d.change.toNumber() })),
      newlyLost: c.newlyLost,
      recovered: c.recovered,
    })),
    findings: h.findings.map((f) => ({ ...f, deadline: f.deadline || null, closedOn: f.closedOn || null, note: f.note || null })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
