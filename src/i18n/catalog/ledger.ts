import type { Message } from './index.js';

export default {
  // Cells
  'ledger.cell-error': { zh: '"{column}"列是错误值 {value};请填入实际内容', en: 'the {column} cell holds the error {value}; type the actual value' },
  'ledger.bad-number': { zh: '"{column}"应为数字,而不是"{value}"', en: '{column} must be a number, not "{value}"' },
  'ledger.bad-date': {
    zh: '"{column}"不是有效日期:"{value}";可写 2026-12-31、2026/12/31、2026年12月31日,或用日期格式的单元格',
    en: '{column} is not a valid date: "{value}"; write 2026-12-31, 2026/12/31 or 2026年12月31日, or use a date cell',
  },
  'ledger.bad-status': { zh: '"{value}"不是整改状态;可选:{statuses}', en: '"{value}" is not a rectification status; choose one of {statuses}' },

  // Reading workbooks
  'ledger.no-sheet': {
    zh: '{path} 中没有找到整改台账:需要一个表头含"问题编号""整改状态"等列的工作表',
    en: 'no rectification ledger in {path}: expected a sheet whose header has 问题编号, 整改状态 and the other ledger columns',
  },
  'ledger.missing-columns': { zh: '台账缺少列:{columns};请恢复这些列(表头文字须一致)', en: 'the ledger lacks the columns {columns}; restore them (with the same header text)' },

  // Rows
  'ledger.missing-id': {
    zh: '这一行有内容但没有问题编号;请填回原来的问题编号,或删除这一行(新问题应通过评估结果并入台账)',
    en: 'this row has content but no 问题编号; restore its original id or delete the row (new problems come in through audit results)',
  },
  'ledger.duplicate-id': { zh: '问题编号 {id} 重复出现(前一处在 {other});每个问题只能占一行', en: 'the id {id} appears twice (first at {other}); each problem takes one row' },
  'ledger.unknown-id': {
    zh: '问题编号 {id} 不在台账 {ledger} 中;请核对编号是否被改动(应与下发的台账一致),新问题请通过评估结果合并',
    en: 'the id {id} is not in the ledger {ledger}; check it was not altered (it must match the ledger sent out); new problems come in through audit results',
  },
  'ledger.protected-changed': {
    zh: '"{field}"以评估结论为准,单位不能修改:台账为"{from}",此处改成了"{to}";请恢复原值,需要说明的写在"整改进展"或"备注"',
    en: '{field} is set by the audit and cannot be changed by the unit: the ledger has "{from}", this copy "{to}"; restore it and put any explanation in 整改进展 or 备注',
  },
  'ledger.changed-since': {
    zh: '"{field}"在这份副本下发后台账中已改为"{from}",此处又改成了"{to}";请与台账核对后统一(改副本或改台账),再合并',
    en: '{field} was changed in the ledger to "{from}" after this copy was sent out, and this copy changes it to "{to}"; reconcile the two (edit the copy or the ledger), then merge',
  },
  'ledger.conflict': {
    zh: '"{field}"此处为"{value}",与 {others} 不一致;请确认以哪一份为准并统一后再合并',
    en: '{field} is "{value}" here but differs at {others}; decide which is right and make them agree, then merge',
  },
  'ledger.step-back': {
    zh: '整改状态从"{from}"退回"{to}",需要在同一行的"整改进展"或"备注"中说明原因',
    en: 'the status goes back from {from} to {to}; explain why in 整改进展 or 备注 on the same row',
  },
  'ledger.deadline-owned': {
    zh: '整改时限由政法委确定,单位不能自行修改(此处从"{from}"改成了"{to}");如已获批准延期,请在同一行"备注"中写明"经(批准单位)批准延期至(新日期)",如 经县委政法委批准延期至2027-01-31',
    en: '整改时限 is set by the committee and cannot be changed by the unit (here "{from}" → "{to}"); for an approved extension, state in 备注 on the same row "经<approver>批准延期至<new date>", e.g. 经县委政法委批准延期至2027-01-31',
  },
  'ledger.extension-mismatch': {
    zh: '备注写明批准延期至 {until},但整改时限填的是"{to}";两处应一致',
    en: '备注 states an extension to {until}, but 整改时限 says "{to}"; make them agree',
  },
  'ledger.extension-not-later': {
    zh: '延期后的整改时限"{to}"应晚于原时限"{from}"',
    en: 'the extended deadline "{to}" must be later than the original "{from}"',
  },
  'ledger.closed-on-range': {
    zh: '销号日期 {value} 不在检查日期 {from} 与今天 {to} 之间;请填写实际核验销号的日期',
    en: 'the closing date {value} is not between the audit date {from} and today {to}; enter the day it was actually verified and closed',
  },
  'ledger.changed-since-read': {
    zh: '台账已被更新,请重新合并:{path} 在本次合并读取之后被修改(可能有人在 Excel/WPS 中保存了它),未写入任何文件',
    en: 'the ledger was updated meanwhile; merge again: {path} changed after this merge read it (someone may have saved it in Excel/WPS); nothing was written',
  },
  'ledger.build.locked': {
    zh: '台账 {path} 正在被另一次合并使用({user}@{host},进程 {pid},开始于 {since});请等合并结束后再生成。如确认没有合并在进行,可删除 {lock}',
    en: 'the ledger {path} is being merged by another run ({user}@{host}, process {pid}, since {since}); build it again when that has finished. If no merge is running, delete {lock}',
  },
  'ledger.locked': {
    zh: '台账 {path} 正在被另一次合并使用({user}@{host},进程 {pid},开始于 {since});请等其结束后再合并。如确认没有合并在进行,可删除 {lock}',
    en: 'the ledger {path} is being merged by another run ({user}@{host}, process {pid}, since {since}); merge again when it has finished. If no merge is running, delete {lock}',
  },
  'ledger.close-needs': { zh: '整改状态为"{status}"时必须填写"{field}"', en: '{field} is required when the status is {status}' },
  'ledger.rows-dropped': {
    zh: '副本下发时有、交回时没有的 {count} 个问题:{ids};这些问题在台账中保持不变(缺行不等于删除)',
    en: '{count} problem(s) the copy was sent with are missing from it: {ids}; they stay unchanged in the ledger (absence is not deletion)',
  },
  'ledger.duplicate-audit': {
    zh: '中心 {center} 在 {date} 的评估有两份且内容不同(另一份:{other});请只保留正确的一份',
    en: 'two different audits of center {center} on {date} (the other: {other}); keep only the right one',
  },

  // The workbook
  'ledger.workbook.title': { zh: '综治中心规范化建设问题整改台账', en: 'Rectification ledger of comprehensive social governance centers' },
  'ledger.workbook.subtitle': {
    zh: '共 {count} 个问题。整改状态依次为 未整改 → 整改中 → 已整改 → 已销号,销号须填写销号日期和核验人;问题编号、问题描述、扣分等由评估确定,请勿修改,说明请写在整改进展或备注中。',
    en: '{count} problem(s). Status goes 未整改 → 整改中 → 已整改 → 已销号; closing (已销号) needs 销号日期 and 核验人. Id, problem and deduction come from the audit: do not change them; explain in 整改进展 or 备注.',
  },
  'ledger.workbook.status-error': { zh: '请从下拉列表中选择:{statuses}', en: 'choose from the list: {statuses}' },

  // ledger build
  'ledger.build.wrote': { zh: '已生成整改台账 {path}:{centers} 个中心,{rows} 个问题', en: 'wrote the rectification ledger {path}: {centers} center(s), {rows} problem(s)' },
  'ledger.build.no-findings': { zh: '评估结果中没有失分项,台账为空', en: 'no item lost points in these results: the ledger is empty' },

  // ledger merge
  'ledger.merge.changed': { zh: '{source}:{id} {field}:"{from}" → "{to}"', en: '{source}: {id} {field}: "{from}" → "{to}"' },
  'ledger.merge.added': { zh: '{source}:新增问题 {id} {problem}', en: '{source}: new problem {id} {problem}' },
  'ledger.merge.review': { zh: '回头看', en: 'follow-up' },
  'ledger.merge.summary': {
    zh: '合并完成:{rows} 个问题有更新({fields} 处改动),新增 {added} 个问题;已写入 {path}',
    en: 'merged: {rows} problem(s) updated ({fields} change(s)), {added} new problem(s); wrote {path}',
  },
  'ledger.merge.nothing': { zh: '没有需要合并的改动;仍已写入 {path}', en: 'nothing to merge; wrote {path} all the same' },
  'ledger.merge.not-written': {
    zh: '未写入任何文件:请先解决以上 {count} 个问题,再重新合并',
    en: 'nothing was written: resolve the {count} problem(s) above, then merge again',
  },

  // ledger status
  'ledger.status.title': { zh: '整改进度(截至 {asOf})', en: 'Rectification progress (as of {asOf})' },
  'ledger.status.county': { zh: '所属县(市、区)', en: 'County' },
  'ledger.status.total': { zh: '合计', en: 'Total' },
  'ledger.status.findings': { zh: '问题数', en: 'Problems' },
  'ledger.status.open': { zh: '未整改', en: 'Open' },
  'ledger.status.in-progress': { zh: '整改中', en: 'In progress' },
  'ledger.status.fixed': { zh: '已整改', en: 'Fixed' },
  'ledger.status.closed': { zh: '已销号', en: 'Closed' },
  'ledger.status.rebound': { zh: '反弹', en: 'Rebound' },
  'ledger.status.overdue': { zh: '逾期', en: 'Overdue' },
  'ledger.status.closed-rate': { zh: '销号率', en: 'Closed %' },
  'ledger.status.overdue-title': { zh: '逾期问题({count} 个,按逾期天数排序)', en: 'Overdue problems ({count}, most overdue first)' },
  'ledger.status.overdue-more': { zh: '另有 {count} 个逾期问题未列出;完整列表请用 --json', en: '{count} more overdue problem(s) not shown; use --json for the full list' },
  'ledger.status.no-overdue': { zh: '没有逾期问题', en: 'No overdue problems' },
  'ledger.status.id': { zh: '问题编号', en: 'Id' },
  'ledger.status.center': { zh: '中心名称', en: 'Center' },
  'ledger.status.problem': { zh: '问题描述', en: 'Problem' },
  'ledger.status.owner': { zh: '责任单位', en: 'Responsible unit' },
  'ledger.status.deadline': { zh: '整改时限', en: 'Deadline' },
  'ledger.status.state': { zh: '整改状态', en: 'Status' },
  'ledger.status.days': { zh: '逾期天数', en: 'Days overdue' },
  'ledger.status.extended-title': { zh: '延期:经批准延长整改时限的问题({count} 处)', en: 'Extended: deadlines moved under an approved extension ({count})' },
  'ledger.status.extended-from': { zh: '原整改时限', en: 'Was due' },
  'ledger.status.extended-to': { zh: '延期至', en: 'Extended to' },
  'ledger.status.extended-when': { zh: '合并时间', en: 'Merged at' },
  'ledger.status.extended-file': { zh: '来源文件', en: 'From file' },
  'ledger.status.bad-as-of': { zh: '--as-of 应为 YYYY-MM-DD 格式的日期,而不是"{value}"', en: '--as-of must be a date as YYYY-MM-DD, not "{value}"' },
} satisfies Record<string, Message>;
