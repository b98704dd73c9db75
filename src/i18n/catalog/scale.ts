import type { Message } from './index.js';

// Big batches (issue 17): the terminal summary, results JSONL.
export default {
  'summary.grades': { zh: '等次分布:{list}', en: 'grades: {list}' },
  'summary.grades-vetoed': { zh: '等次分布:{list}(其中一票否决 {vetoed} 个)', en: 'grades: {list} ({vetoed} vetoed)' },
  'summary.top': { zh: '前 {count} 名', en: 'top {count}' },
  'summary.bottom': { zh: '后 {count} 名', en: 'bottom {count}' },
  'summary.county-means': { zh: '各县(市、区)平均分(各中心最近一次评估总分的算术平均,每个中心计一次)', en: 'mean per county (mean of each center\'s latest total, each center once)' },
  'summary.vetoed': { zh: '{grade}(一票否决)', en: '{grade} (vetoed)' },
  'summary.county': { zh: '县(市、区)编码', en: 'county code' },
  'summary.centers': { zh: '中心数', en: 'centers' },
  'summary.mean': { zh: '平均分', en: 'mean' },
  'summary.more': {
    zh: '共 {count} 个中心,以上为摘要;完整排名见输出文件,或加 --all 在终端显示全部',
    en: '{count} center(s); this is a summary: the full ranking is in the output files, or add --all to print it here',
  },
  'results.not-json-line': { zh: '这一行不是有效的 JSON(results.jsonl 每行一个评分结果)', en: 'this line is not valid JSON (results.jsonl holds one result per line)' },
  'results.compact-checklist': {
    zh: '精简格式(--compact)的结果需要记录的那份清单 {id} {version}(sha256 {sha256}…)才能读回,现有的同版本清单内容不同:请用 --checklist 给出原清单文件',
    en: 'a compact result (--compact) needs the very checklist it recorded, {id} {version} (sha256 {sha256}…), and the one found differs: give the original file with --checklist',
  },
  'opt.compact': { zh: '结果 .json/.jsonl 不重复清单中已有的逐项文字(标题、分值、维度名称),读回时需要同一份清单', en: 'results .json/.jsonl without the per-item text the checklist holds (titles, points, dimension names); reading them back needs the same checklist' },
  'opt.all': { zh: '在终端显示完整排名(默认超过 50 个中心或输出到文件时只显示摘要)', en: 'print the full ranking (by default a summary above 50 centers, or when writing files)' },
  'opt.briefing-all': {
    zh: '完整排名:终端和 .docx、.html 中列出全部(默认一组超过 40 个中心时终端只显示前 10 名和后 10 名,超过 200 个时 .docx、.html 只列前 50 名和后 50 名)',
    en: 'every ranking in full, on screen and in a .docx or .html (by default a group over 40 centers shows its first and last 10 on screen, and one over 200 its first and last 50 in a .docx or .html)',
  },
} satisfies Record<string, Message>;
