import type { Message } from './index.js';

export default {
  'chart.caption': { zh: '图{n} {title}', en: 'Figure {n}. {title}' },
  'chart.county-average': { zh: '{level}各县(市、区)平均分', en: 'Average score per county: {level}' },
  'chart.grades': { zh: '本月等次分布', en: 'Grades this month' },
  'chart.trend-average': { zh: '近12个月全市平均分', en: 'City average over 12 months' },
  'chart.trend-closure': { zh: '近12个月整改销号率(各月末)', en: 'Closure rate at each month\'s end over 12 months' },
  'chart.axis.average': { zh: '平均分', en: 'average' },
  'chart.axis.centers': { zh: '中心数', en: 'centers' },
  'chart.axis.closure-rate': { zh: '销号率(%)', en: 'closure rate (%)' },
  'chart.series.closure-rate': { zh: '销号率', en: 'closure rate' },
  'chart.line': { zh: '{level}({version}版)', en: '{level} ({version})' },
  'chart.no-font': {
    zh: '未找到中文字体,{path} 中的图表未插入:请安装黑体、宋体、微软雅黑或 Noto Sans CJK 等中文字体,或用环境变量 ZONGZHI_CHART_FONT 指定字体文件(.ttf/.ttc/.otf)',
    en: 'no CJK font found, so {path} has no charts: install a Chinese font (SimHei, SimSun, Microsoft YaHei, Noto Sans CJK…) or name a font file (.ttf/.ttc/.otf) in ZONGZHI_CHART_FONT',
  },
  'chart.bad-font': { zh: 'ZONGZHI_CHART_FONT 指定的字体文件 {path} 不存在或无法读取:应为 .ttf、.ttc 或 .otf 字体文件', en: 'ZONGZHI_CHART_FONT names {path}, which does not exist or cannot be read: give a .ttf, .ttc or .otf font file' },
} satisfies Record<string, Message>;
