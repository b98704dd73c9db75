import type { Message } from './index.js';

// Messages about input as it enters: text clean-up, encodings, sizes, folders of inputs.
export default {
  'notice.more': { zh: '此文件还有更多类似警告,只列出前 {max} 条', en: 'more warnings like these in this file; only the first {max} are listed' },
  'text.cleaned': {
    zh: '警告:已删除 {count} 个无法保存的控制字符或非字符(如 U+0007、U+FFFE)',
    en: 'warning: removed {count} control or non-character code point(s) that no file can hold (such as U+0007, U+FFFE)',
  },
  'text.too-long': {
    zh: '文字长度 {length} 个字符,超过 Excel 单元格上限 {max};请精简或拆分,程序不会截断',
    en: 'text of {length} characters is over the Excel cell limit of {max}; shorten or split it (it is never cut)',
  },
  'input.too-many-problems': { zh: '此文件还有 {count} 个问题未列出(只列出前 {max} 个)', en: '{count} more problem(s) in this file not listed (only the first {max})' },
  'input.too-large': {
    zh: '文件 {path} 有 {size} MB,超过此类文件的上限 {max} MB;请检查是否选错了文件',
    en: 'file {path} is {size} MB, over the limit of {max} MB for this kind of file; check that it is the right file',
  },
  'input.not-regular': {
    zh: '{path} 不是普通文件(是管道、设备或套接字),无法作为输入;请给出文件或文件夹',
    en: '{path} is not a regular file (a pipe, device or socket) and cannot be an input; give a file or a folder',
  },
  'encoding.decoded': {
    zh: '警告:文件不是 UTF-8 编码,已按 {encoding} 读取;建议用记事本或 VS Code"另存为 UTF-8"',
    en: 'warning: the file is not UTF-8; it was read as {encoding}. Re-save it as UTF-8 (Notepad or VS Code: Save with encoding UTF-8)',
  },
  'encoding.unknown': {
    zh: '文件既不是 UTF-8 也不是 GB18030/GBK 或 UTF-16 编码的文本,无法读取;请用文本编辑器另存为 UTF-8',
    en: 'the file is neither UTF-8 nor GB18030/GBK or UTF-16 text and cannot be read; re-save it as UTF-8 in a text editor',
  },
  'input.convert': {
    zh: '不能读取 {ext} 文件;请在 Excel/WPS 中打开,"另存为" Excel 工作簿(.xlsx)后再试;如要跳过它请加 --skip-invalid',
    en: 'cannot read {ext} files; open it in Excel/WPS and save it as an Excel workbook (.xlsx); add --skip-invalid to skip it',
  },
  'input.ignored': { zh: '警告:不是输入文件(支持 {kinds}),未读取', en: 'warning: not an input file (accepted: {kinds}); not read' },
  'input.checklist-skipped': {
    zh: '警告:这是检查清单,不是评估记录,未作为评估读取(清单放在 checklists/ 或用 --checklist 指定)',
    en: 'warning: this is a checklist, not an audit; not read as one (keep checklists in checklists/ or name them with --checklist)',
  },
  'yaml.too-many-lines': {
    zh: '文件超过 {max} 行(或同样多的逗号分隔条目),不是正常的清单或评估文件(清单约 700 行,评估文件约 100 行);请检查是否选错了文件',
    en: 'the file has over {max} lines (or as many comma-separated entries), which no checklist (about 700 lines) or audit file (about 100) has; check that it is the right file',
  },
  'yaml.timestamp': {
    zh: '日期要写成带引号的日历日期,如 "2026-11-20";!!timestamp 会按时区换算而改变日期',
    en: 'write dates as quoted calendar dates such as "2026-11-20"; a !!timestamp is converted by time zone and may change the day',
  },
  'xlsx.kind-data-file': {
    zh: '{path} 是评估记录、检查清单或结果(YAML/JSON 文本),不是 Excel 工作簿;这里需要 .xlsx 工作簿(如整改台账)',
    en: '{path} is an audit, checklist or results file (YAML/JSON text), not an Excel workbook; an .xlsx workbook (such as the ledger) is needed here',
  },
  'xlsx.kind-other-file': {
    zh: '{path} 是 {ext} 文件,不是 Excel 工作簿(.xlsx);其他格式的表格请在 Excel/WPS 中"另存为 Excel 工作簿(*.xlsx)"',
    en: '{path} is a {ext} file, not an Excel workbook (.xlsx); save other spreadsheets as "Excel Workbook (*.xlsx)" from Excel/WPS',
  },
  'xlsx.too-large-inflated': {
    zh: '{path} 解压后有 {size} MB,超过工作簿上限 {max} MB;这不是正常的评分表或台账,请检查文件来源',
    en: '{path} inflates to {size} MB, over the workbook limit of {max} MB; it is not a normal form or ledger, check where it came from',
  },
  'xlsx.xml-limit': {
    zh: '{path} 的内容超出工作簿的正常范围({what});请在 Excel/WPS 中打开并另存为 .xlsx 后再试',
    en: '{path} holds content beyond what a workbook normally has ({what}); open it in Excel/WPS, save it as .xlsx and try again',
  },
  'xlsx.xml-limit.text': { zh: '一段文字超过 100 万个字符', en: 'a run of text over a million characters' },
  'xlsx.xml-limit.merges': { zh: '一张表中合并单元格超过 10 万处', en: 'over 100,000 merged ranges in one sheet' },
  'sheet.formula-no-result': {
    zh: '公式没有计算结果:在 Excel/WPS 中打开并保存一次,再重新读取',
    en: 'the formula has no computed result: open the file in Excel/WPS, save it once, and read it again',
  },
  'sheet.meta-blank-sha256': {
    zh: '隐藏表 {meta} 中的 sha256 是空的,无法核对清单是否被修改;请用 zongzhi template 重新生成填报表',
    en: 'the sha256 in the hidden sheet {meta} is blank, so the checklist cannot be verified; generate the template again with zongzhi template',
  },
} satisfies Record<string, Message>;
