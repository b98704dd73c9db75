import type { Message } from './index.js';

export default {
  'tasks.not-mapping': { zh: '部署任务文件应是一个键值映射(format、name、tasks)', en: 'a tasks file is a mapping (format, name, tasks)' },
  'tasks.scope': {
    zh: '任务范围应为 counties(全部县级中心)、县级编码列表(如 [999901, 999903]),或 { townships: 999901 }(该县全部乡镇中心)',
    en: 'scope must be counties (every county center), a list of county codes (e.g. [999901, 999903]) or { townships: 999901 } (every township center of that county)',
  },
  'tasks.county-code': { zh: '"{value}" 不是县级中心编码:应为 6 位数字且不以 00 结尾,如 999901', en: '"{value}" is not a county center code: six digits not ending in 00, e.g. 999901' },
  'tasks.deadline': { zh: '"{value}" 不是日期,应写成 YYYY-MM-DD,如 2026-11-30', en: '"{value}" is not a date; write YYYY-MM-DD, e.g. 2026-11-30' },
  'tasks.duplicate-id': { zh: '任务编号 {id} 重复(首次在第 {line} 行)', en: 'task id {id} is repeated (first at line {line})' },
} satisfies Record<string, Message>;
