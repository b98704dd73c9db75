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
} satisfies Record<string, Message>;
