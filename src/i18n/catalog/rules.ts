import type { Message } from './index.js';

// Issue 12: levels, ranking, 回头看, ledger split, drafts in the briefing.
export default {
  'score.group-heading': { zh: '{name}({id} {version},{count} 个中心)', en: '{name} ({id} {version}, {count} center(s))' },
  'table.veto-items': { zh: '否决事项', en: 'veto items' },
  'table.veto-separator': { zh: ';', en: '; ' },
  'level.not-a-center': {
    zh: '编码 {code} 以 00 结尾,是市或省的区划代码,不是综治中心:县级中心为 6 位(末两位不是 00),乡镇(街道)9 位,村(社区)12 位',
    en: 'code {code} ends in 00: a city or province, not a center (a county center has 6 digits not ending in 00, a township 9, a village 12)',
  },
  'level.mismatch': {
    zh: '中心 {code} 按编码是{level}中心,不能用{checklistLevel}清单 {id} 评估、计分或排名;请改用{level}清单(或在中心名录的"层级"列写明层级)',
    en: 'center {code} is a {level} center by its code and cannot be audited, scored or ranked with the {checklistLevel} checklist {id}; use a {level} checklist (or state the level in the registry\'s 层级 column)',
  },
  'level.mismatch-registry': {
    zh: '中心 {code} 在中心名录中是{level}中心,不能用{checklistLevel}清单 {id} 评估、计分或排名;请改用{level}清单',
    en: 'center {code} is a {level} center in the registry and cannot be audited, scored or ranked with the {checklistLevel} checklist {id}; use a {level} checklist',
  },
  'level.offer': { zh: '可用的{level}清单:{ids}(--checklist {first})', en: '{level} checklists available: {ids} (--checklist {first})' },
  'walk.level-refused': { zh: '未开始评估:{reason}', en: 'audit not started: {reason}' },
  'level.with-offer': { zh: '{reason}。{offer}', en: '{reason}. {offer}' },
  'briefing.draft-ref': { zh: '{name}({date},{source})', en: '{name} ({date}, {source})' },
  'briefing.drafts-left-out': { zh: '另有 {count} 份未定稿的评估(草稿)未计入本通报:{drafts}。', en: ' {count} draft audit(s), not final, are left out of this briefing: {drafts}.' },
  'briefing.skipped': { zh: '跳过 {count} 个有错误的评估(见上),通报只用其余的评估', en: 'skipped {count} invalid audit(s) (listed above); the briefing uses the others' },
  'opt.skip-invalid-briefing': { zh: '跳过有错误或未答完的评估,列出它们,用其余的评估生成通报', en: 'skip audits that are invalid or incomplete, list them, and brief on the others' },
  'cmd.ledger.split.description': { zh: '把台账拆成按县或按责任单位的副本下发(只含本单位的行,合并时可直接收回)', en: 'split the ledger into copies per county or per responsible unit (only their rows; merge takes them back)' },
  'opt.split-by': { zh: '按 county(所属县)或 owner(责任单位)拆分', en: 'split by county or by owner (responsible unit)' },
  'opt.output-split': { zh: '副本写入的文件夹', en: 'folder the copies are written to' },
  'ledger.split.wrote': { zh: '已写入 {path}:{label},{rows} 个问题', en: 'wrote {path}: {label}, {rows} problem(s)' },
  'ledger.split.no-owner': { zh: '未填责任单位', en: 'no responsible unit' },
  'ledger.split.empty': { zh: '台账 {path} 中没有问题,无可拆分', en: 'the ledger {path} has no problems to split' },
  'briefing.col.county-score': { zh: '县级中心得分', en: 'county center' },
  'briefing.col.township-mean': { zh: '乡镇平均分', en: 'township mean' },
  'briefing.col.composite': { zh: '综合得分', en: 'composite' },
  'briefing.note.composite': {
    zh: '综合得分 = 县级中心得分 × {county} + 乡镇平均分 × {township}(权重由 --county-weights 给定,合计为 1),按精确值计算后保留 {places} 位小数;两项都有时才计算。名次按所示综合得分排列,相同者并列。',
    en: 'Composite = county center × {county} + township mean × {township} (weights given with --county-weights, summing to 1), computed exactly and rounded to {places} decimal(s); only when both are present. Ranked by the composite as shown; equal ones share a rank.',
  },
  'briefing.note.no-composite': {
    zh: '未给出权重,不计算综合得分;名次按县级中心得分排列,相同者并列。需要综合得分时用 --county-weights county=0.4,township=0.6 给定权重。',
    en: 'No weights were given, so there is no composite; counties are ranked by their county center\'s score, equal ones sharing a rank. Give --county-weights county=0.4,township=0.6 for a composite.',
  },
  'briefing.bad-county-weights': {
    zh: '--county-weights "{value}" 无效:应写成 county=0.4,township=0.6,两个权重都在 0 到 1 之间且合计为 1',
    en: '--county-weights "{value}" is invalid: write county=0.4,township=0.6, both between 0 and 1 and summing to 1',
  },
  'opt.county-weights': { zh: '县级中心与乡镇平均分的权重,给出时计算各县综合得分,如 county=0.4,township=0.6', en: 'weights of the county center and the township mean for a county composite, e.g. county=0.4,township=0.6' },
  'checklist.level.village': { zh: '村(社区)', en: 'village' },
} satisfies Record<string, Message>;
