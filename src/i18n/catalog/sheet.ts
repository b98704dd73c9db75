import type { Message } from './index.js';

export default {
  // What a file given as .xlsx really is (src/xlsx/sniff.ts)
  'xlsx.kind-empty': { zh: '{path} 是空文件(0 字节),请重新保存或重新下载', en: '{path} is empty (0 bytes); save or download it again' },
  'xlsx.kind-missing': { zh: '找不到文件 {path}', en: 'no such file: {path}' },
  'xlsx.kind-ole': {
    zh: '{path} 是旧版 .xls 格式(或设置了打开密码),只是扩展名改成了 .xlsx:请在 Excel/WPS 中打开,取消密码后"另存为 Excel 工作簿(*.xlsx)"',
    en: '{path} is a legacy .xls file (or has an open password) renamed to .xlsx: open it in Excel/WPS, remove the password and "Save as Excel Workbook (*.xlsx)"',
  },
  'xlsx.kind-text': {
    zh: '{path} 是文本文件(多半是 CSV),只是扩展名改成了 .xlsx:请用模板填写,或在 Excel/WPS 中"另存为 Excel 工作簿(*.xlsx)"',
    en: '{path} is a text file (probably CSV) renamed to .xlsx: fill in the template, or "Save as Excel Workbook (*.xlsx)" from Excel/WPS',
  },
  'xlsx.kind-html': {
    zh: '{path} 是网页格式(HTML)的表格,只是扩展名是 .xlsx:请在 Excel/WPS 中打开后"另存为 Excel 工作簿(*.xlsx)"',
    en: '{path} is an HTML table with an .xlsx name: open it in Excel/WPS and "Save as Excel Workbook (*.xlsx)"',
  },
  'xlsx.kind-xml': {
    zh: '{path} 是 XML 表格(Excel 2003 XML 格式),不是 .xlsx:请在 Excel/WPS 中"另存为 Excel 工作簿(*.xlsx)"',
    en: '{path} is an XML spreadsheet (Excel 2003 XML), not .xlsx: "Save as Excel Workbook (*.xlsx)" from Excel/WPS',
  },
  'xlsx.kind-zip': {
    zh: '{path} 是压缩包或其他 Office 文档(如 .docx、.ods),不是 Excel 工作簿',
    en: '{path} is a zip archive or another Office document (.docx, .ods…), not an Excel workbook',
  },
  'xlsx.kind-corrupt-zip': {
    zh: '{path} 已损坏(文件不完整,可能下载或拷贝中断):请从原处重新获取',
    en: '{path} is damaged (incomplete, perhaps an interrupted download or copy): get it again from its source',
  },
  'xlsx.kind-unknown': { zh: '{path} 不是 Excel 工作簿(.xlsx)', en: '{path} is not an Excel workbook (.xlsx)' },
  'xlsx.corrupt': {
    zh: '{path} 无法作为 .xlsx 读取({reason}):请在 Excel/WPS 中打开后重新"另存为 .xlsx"',
    en: '{path} cannot be read as .xlsx ({reason}): open it in Excel/WPS and save it again as .xlsx',
  },

  // Center registry (src/sources/centers.ts)
  'centers.no-header': {
    zh: '{path} 中没有找到表头:前 10 行中应有一行包含 {headers} 等列名',
    en: '{path} has no header row: one of the first 10 rows must name the columns {headers}',
  },
  'centers.code': { zh: '编码 "{value}" 不是 6、9 或 12 位数字的行政区划代码', en: 'code "{value}" is not a 6, 9 or 12 digit division code' },
  'centers.code-number': {
    zh: '编码 {value} 存成了数字,前导零已丢失(应为 6、9 或 12 位):请把该列设为"文本"格式后重新输入',
    en: 'code {value} is stored as a number and lost its leading zeros (6, 9 or 12 digits expected): format the column as Text and type it again',
  },
  'centers.parent': { zh: '上级编码 "{value}" 不是 6、9 或 12 位数字的行政区划代码', en: 'parent code "{value}" is not a 6, 9 or 12 digit division code' },
  'centers.name-missing': { zh: '缺少中心名称', en: 'the center name is missing' },
  'centers.level': { zh: '层级 "{value}" 无法识别(可填:县级、乡镇,或 county、township)', en: 'level "{value}" is not recognised (valid: 县级, 乡镇, county, township)' },
  'centers.level-code': { zh: '编码 {code} 不是 6 位,不能是县级中心(层级:{level})', en: 'code {code} is not 6 digits, so it cannot be a county center (level: {level})' },
  'centers.duplicate': { zh: '编码 {code} 重复(首次出现在 {first})', en: 'code {code} appears twice (first at {first})' },
  'centers.empty': { zh: '{path} 中没有任何中心', en: '{path} lists no centers' },
  // zongzhi template (src/formats/fill-in-workbook.ts, src/commands/template.ts)
  'template.guide.title': { zh: '{name} 填表说明', en: '{name}: how to fill in' },
  'template.guide.subtitle': { zh: '清单 {id},版本 {version},满分 {total} 分', en: 'checklist {id}, version {version}, {total} points' },
  'template.guide.no': { zh: '序号', en: 'No.' },
  'template.guide.text': { zh: '说明', en: 'Instructions' },
  'template.guide.form.1': {
    zh: '本工作簿供一个综治中心填报。请先在“基本信息”表填写中心编码(6、9 或 12 位行政区划代码,按文本填写,保留开头的 0)、中心名称、检查日期(如 2026-11-20)和检查人(多人用顿号分隔)。',
    en: 'This workbook is for one center. First fill in the 基本信息 sheet: center code (6, 9 or 12 digit division code, as text, keeping leading zeros), name, audit date (e.g. 2026-11-20) and inspectors (separated by 、).',
  },
  'template.guide.form.2': {
    zh: '然后在“评分表”中逐项填写“答案”列;扣分或不适用的项请在“问题说明”列写明情况,问题说明将进入问题清单和整改台账。选中答案单元格时会显示该项的填写要求和评分标准。',
    en: 'Then fill in the 答案 column of the 评分表 sheet item by item; explain lost points or N/A in 问题说明, which goes into the findings and the rectification ledger. Selecting an answer cell shows what to enter and the item\'s criteria.',
  },
  'template.guide.wide.1': {
    zh: '本表一行一个综治中心。已列出的中心请勿修改编码和名称;未列出的中心可在下方空行补充(编码按文本填写,保留开头的 0)。只列出、未填写检查日期和答案的行视为未检查,计分时跳过。',
    en: 'One row per center. Do not change the codes and names listed; add unlisted centers in the empty rows below (codes as text, keeping leading zeros). A listed row with no date and no answers counts as not audited and is skipped.',
  },
  'template.guide.wide.2': {
    zh: '每个评分项占两列:以编号为表头的列填答案,“编号 说明”列填问题说明(扣分或不适用时写明情况)。选中答案单元格时会显示该项的填写要求和评分标准。',
    en: 'Each item has two columns: the one headed by its id takes the answer, "<id> 说明" the note (explain lost points or N/A). Selecting an answer cell shows what to enter and the item\'s criteria.',
  },
  'template.guide.answers': {
    zh: '答案的写法:是否达到项填“是/否”(也可填 √/×);按等级项从下拉列表中选择;按选项累加项填达到的选项,用顿号分隔,都未达到填“无”;按问题扣分项填发现问题的个数;按实测值分档项填实测数值(可带 %);直接打分项填得分。全角数字和多余空格不影响计分。',
    en: 'Answers: yes/no items 是/否 (or √/×); level items from the dropdown; multiple-choice items the options met, separated by 、, or 无 for none; deduction items the number of deficiencies; measured items the value (a % is fine); direct-score items the score. Full-width digits and extra spaces are fine.',
  },
  'template.guide.na': {
    zh: '允许“不适用”的项可填“不适用”,但必须在问题说明中写明理由;不适用的项不计入满分,按比例折算。',
    en: 'Items that allow N/A may be answered 不适用, with the reason in the note; N/A items leave the denominator and the score is scaled.',
  },
  'template.guide.blank': {
    zh: '未填写答案的项在计分时会被列为错误;确需按 0 分计算时,由汇总单位在计分时指定。',
    en: 'Unanswered items are reported as errors when scoring; counting them as 0 is the collecting office\'s decision at scoring time.',
  },
  'template.guide.keep': {
    zh: '请勿增删、重命名或移动工作表,勿修改编号列和表头,勿合并单元格;隐藏工作表 {meta} 记录了清单版本,计分时据此核对。可以改变列宽、行高和字体。',
    en: 'Do not add, delete, rename or move sheets, change the id column or headers, or merge cells; the hidden sheet {meta} records the checklist version checked when scoring. Column widths, row heights and fonts may change.',
  },
  'template.guide.return': {
    zh: '请保存为 .xlsx 格式(Excel、WPS、LibreOffice 均可)后交回。汇总单位运行 zongzhi score <收回的文件或文件夹> -o 评分报告.xlsx 统一计分。',
    en: 'Save as .xlsx (Excel, WPS or LibreOffice) and send it back. The collecting office runs zongzhi score <files or folder> -o report.xlsx.',
  },
  'template.guide.grades': { zh: '等次:{grades}', en: 'Grades: {grades}' },
  'template.info.title': { zh: '基本信息', en: 'Basic information' },
  'template.info.field': { zh: '项目', en: 'Field' },
  'template.info.value': { zh: '填写内容', en: 'Value' },
  'template.info.help': { zh: '填写要求', en: 'How to fill in' },
  'template.info.code-help': { zh: '6、9 或 12 位行政区划代码,按文本填写,保留开头的 0', en: '6, 9 or 12 digit division code, as text, keeping leading zeros' },
  'template.info.name-help': { zh: '综治中心全称', en: 'full name of the center' },
  'template.info.date-help': { zh: '如 2026-11-20,也可写 2026/11/20 或 2026年11月20日', en: 'e.g. 2026-11-20; 2026/11/20 or 2026年11月20日 also work' },
  'template.info.inspectors-help': { zh: '多人用顿号分隔,如:张三、李四', en: 'several names separated by 、, e.g. 张三、李四' },
  'template.bonus': { zh: '加分项(最高 {cap} 分)', en: 'Bonus (up to {cap})' },
  'template.veto': { zh: '【一票否决】', en: ' [veto]' },
  'template.na-hint': { zh: ';可填“不适用”(须在说明中写明理由)', en: '; 不适用 (N/A) allowed, with the reason in the note' },
  'template.criteria': { zh: '评分标准:', en: 'Criteria: ' },
  'template.invalid': { zh: '请按要求填写:{hint}', en: 'Enter {hint}' },
  'template.wide.title': { zh: '评分汇总表', en: ' scoring sheet' },
  'template.wrote': { zh: '已生成 {path}', en: 'wrote {path}' },
  'template.wrote-many': { zh: '已在 {dir} 中生成 {count} 份填报表', en: 'wrote {count} workbooks in {dir}' },
  'template.form-needs-folder': {
    zh: 'form 样式配合 --centers 为每个中心各生成一份工作簿:-o 应是文件夹,而不是 {path}',
    en: 'the form layout with --centers writes one workbook per center: -o must be a folder, not {path}',
  },
  'template.needs-xlsx': { zh: '输出文件应以 .xlsx 结尾:{path}', en: 'the output file must end in .xlsx: {path}' },
  'template.duplicate-file': {
    zh: '中心 {a} 和 {b} 的填报表文件名相同({file}):请检查名录中的编码',
    en: 'centers {a} and {b} would get the same file name ({file}): check the registry codes',
  },
  'template.level-mismatch': {
    zh: '名录中的中心 {code} 是{level}中心,而清单 {id} 适用于{checklistLevel}中心',
    en: 'registry center {code} is a {level} center but checklist {id} is for {checklistLevel} centers',
  },
  'template.skipped-level': { zh: '名录中有 {count} 个中心不是{level}中心,未列入模板', en: '{count} registry centers are not {level} centers and were left out' },
  'template.level.county': { zh: '县级', en: 'county' },
  'template.level.township': { zh: '乡镇', en: 'township' },

  // Reading filled workbooks (src/formats/fill-in-workbook.ts)
  'sheet.no-meta': {
    zh: '缺少隐藏的 {meta} 工作表(不是用 zongzhi template 生成的,或内容被复制到了新工作簿),无法判断按哪个清单填写:请加 --checklist <编号或文件>',
    en: 'the hidden {meta} sheet is missing (not made by zongzhi template, or copied into a new workbook), so the checklist is unknown: add --checklist <id|file>',
  },
  'sheet.meta-field': {
    zh: '隐藏工作表 {meta} 缺少清单编号或版本:请用 zongzhi template 重新生成模板',
    en: 'the hidden {meta} sheet lacks the checklist id or version: generate the template again with zongzhi template',
  },
  'sheet.no-matching-checklist': {
    zh: '表头中的评分项编号与 --checklist 给出的清单({checklists})都不相符',
    en: 'the item ids in the headers match none of the --checklist checklists ({checklists})',
  },
  'sheet.ambiguous-checklist': {
    zh: '无法判断按哪个清单填写:{checklists} 都与表头相符,请只给出一个 --checklist',
    en: 'cannot tell which checklist was used: {checklists} all match the headers; give only one --checklist',
  },
  'sheet.missing-sheet': { zh: '缺少工作表“{name}”(现有:{sheets})', en: 'the sheet "{name}" is missing (found: {sheets})' },
  'sheet.no-table': {
    zh: '找不到评分表:没有哪个工作表的表头同时包含“编码”和评分项编号(现有工作表:{sheets})',
    en: 'no scoring table: no sheet has a header with 编码 and item ids (sheets: {sheets})',
  },
  'sheet.no-header': { zh: '前 10 行中找不到表头(应包含:{headers})', en: 'no header row in the first 10 rows (expected: {headers})' },
  'sheet.missing-column': {
    zh: '表头中缺少“{column}”列(是否被删除或改名?表头应包含:{headers})',
    en: 'the header lacks the column "{column}" (deleted or renamed? expected: {headers})',
  },
  'sheet.missing-item-columns': {
    zh: '表头中缺少评分项 {items} 的答案列(是否被删除?):请用原模板填写',
    en: 'the header lacks the answer columns of {items} (deleted?): use the original template',
  },
  'sheet.missing-item-rows': {
    zh: '评分表中缺少评分项 {items} 的行(是否被删除?):请用原模板填写',
    en: 'the sheet lacks the rows of items {items} (deleted?): use the original template',
  },
  'sheet.duplicate-column': { zh: '“{header}”列重复(首次在 {first})', en: 'the column "{header}" appears twice (first at {first})' },
  'sheet.unknown-item': { zh: '“{value}”不是清单 {checklist} 中的评分项编号', en: '"{value}" is not an item id of checklist {checklist}' },
  'sheet.unknown-item-near': {
    zh: '“{value}”不是清单 {checklist} 中的评分项编号,是否应为 {near}?',
    en: '"{value}" is not an item id of checklist {checklist}; did you mean {near}?',
  },
  'sheet.duplicate-item': { zh: '评分项 {id} 出现两次(首次在 {first})', en: 'item {id} appears twice (first at {first})' },
  'sheet.duplicate-center': {
    zh: '中心编码 {code} 在本表中重复(首次在 {first}):两行都不计分,请删除或改正其中一行',
    en: 'center code {code} appears twice in this sheet (first at {first}): neither row is scored; delete or correct one',
  },
  'sheet.answer-without-id': { zh: '这一行填了答案,但没有评分项编号', en: 'this row has an answer but no item id' },
  'sheet.code-missing': { zh: '缺少中心编码', en: 'the center code is missing' },
  'sheet.name-missing': { zh: '缺少中心名称', en: 'the center name is missing' },
  'sheet.date-missing': { zh: '缺少检查日期', en: 'the audit date is missing' },
  'sheet.date': {
    zh: '“{value}”不是有效日期(可写 2026-11-20、2026/11/20 或 2026年11月20日)',
    en: '"{value}" is not a valid date (write 2026-11-20, 2026/11/20 or 2026年11月20日)',
  },
  'sheet.info-missing': { zh: '基本信息表中找不到“{label}”一行', en: 'the 基本信息 sheet has no "{label}" row' },
  'sheet.merged': {
    zh: '单元格 {range} 被合并了:每个评分项、每个中心须单独填写,请取消合并后分别填写',
    en: 'cells {range} are merged: each item and each center needs its own cell; unmerge them and fill each one',
  },
  'sheet.cell-error': { zh: '单元格是错误值 {value}(公式出错):请改为实际答案', en: 'the cell holds the error {value} (a failed formula): enter the actual answer' },
  'sheet.progress-read': { zh: '读取 {file}', en: 'reading {file}' },
  'sheet.no-data': { zh: '表中没有任何已填写的中心', en: 'no center has been filled in' },
  // The scored report (src/sinks/report-xlsx.ts)
  'report.title.summary': { zh: '{name} 评估结果汇总表', en: '{name}: results' },
  'report.title.empty': { zh: '评估结果汇总表', en: 'Results' },
  'report.subtitle': { zh: '清单版本 {version};共 {count} 个中心;制表日期 {date}', en: 'checklist version {version}; {count} centers; made {date}' },
  'report.title.details': { zh: '评分明细表', en: 'Scores item by item' },
  'report.title.findings': { zh: '问题清单', en: 'Findings' },
  'report.findings-subtitle': { zh: '共 {count} 个问题;可直接作为整改台账的初稿(zongzhi ledger build)', en: '{count} findings; a first draft of the rectification ledger (zongzhi ledger build)' },
  'report.title.errors': { zh: '未计分的错误({count} 个)', en: 'Errors not scored ({count})' },
  'report.col.rank': { zh: '名次', en: 'Rank' },
  'report.col.parent': { zh: '所属县(市、区)', en: 'County' },
  'report.col.parent-rank': { zh: '县内名次', en: 'Rank in county' },
  'report.col.code': { zh: '编码', en: 'Code' },
  'report.col.name': { zh: '名称', en: 'Name' },
  'report.col.date': { zh: '检查日期', en: 'Date' },
  'report.col.total': { zh: '总分', en: 'Score' },
  'report.col.grade': { zh: '等次', en: 'Grade' },
  'report.col.bonus': { zh: '加分', en: 'Bonus' },
  'report.col.veto': { zh: '否决项', en: 'Veto' },
  'report.col.findings': { zh: '问题数', en: 'Findings' },
  'report.col.dimension': { zh: '类别', en: 'Dimension' },
  'report.col.item-id': { zh: '编号', en: 'Item' },
  'report.col.item': { zh: '评分项目', en: 'Title' },
  'report.col.points': { zh: '分值', en: 'Points' },
  'report.col.answer': { zh: '答案', en: 'Answer' },
  'report.col.earned': { zh: '得分', en: 'Earned' },
  'report.col.note': { zh: '说明', en: 'Note' },
  'report.col.mode': { zh: '检查方式', en: 'Mode' },
  'report.uninspected-count': { zh: '未查{count}项', en: '{count} not inspected' },
  'report.col.evidence': { zh: '佐证材料', en: 'Evidence' },
  'report.col.file': { zh: '文件', en: 'File' },
  'report.col.sheet': { zh: '工作表', en: 'Sheet' },
  'report.col.place': { zh: '位置', en: 'Place' },
  'report.col.code-error': { zh: '错误代码', en: 'Code' },
  'report.col.message': { zh: '说明', en: 'Message' },
  'report.blank': { zh: '未作答(按 0 分计)', en: 'unanswered (counted as 0)' },
  'report.bonus': { zh: '加分项', en: 'Bonus' },
  /** A printed page's footer (Excel header/footer codes: &C centre, &P page, &N pages). */
  'sheet.footer': { zh: '&C第 &P 页 共 &N 页', en: '&CPage &P of &N' },
  'report.penalty': { zh: '负面清单', en: 'Penalties' },
} satisfies Record<string, Message>;
