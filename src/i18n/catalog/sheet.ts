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
} satisfies Record<string, Message>;
