import type { Message } from './index.js';

export default {
  'answer.yes': { zh: '是', en: 'yes' },
  'answer.no': { zh: '否', en: 'no' },
  'answer.na': { zh: '不适用', en: 'N/A' },
  'answer.not-yes-no': { zh: '"{value}" 不是是/否答案(可填:是、否、√、×、1、0)', en: '"{value}" is not a yes/no answer (valid: 是, 否, yes, no, 1, 0, ✓, ✗)' },
  'answer.unknown-level': { zh: '"{value}" 不是该项的等级(可选:{labels})', en: '"{value}" is not a level of this item (valid: {labels})' },
  'answer.unknown-level-near': {
    zh: '"{value}" 不是该项的等级(可选:{labels});是否想填 "{near}"?',
    en: '"{value}" is not a level of this item (valid: {labels}); did you mean "{near}"?',
  },
  'answer.unknown-option': { zh: '"{value}" 不是该项的选项(可选:{labels})', en: '"{value}" is not an option of this item (valid: {labels})' },
  'answer.unknown-option-near': {
    zh: '"{value}" 不是该项的选项(可选:{labels});是否想填 "{near}"?',
    en: '"{value}" is not an option of this item (valid: {labels}); did you mean "{near}"?',
  },
  'answer.not-a-list': { zh: '应填选中的选项,用顿号分隔(可选:{labels})', en: 'expected the chosen options separated by 、 (valid: {labels})' },
  'answer.not-a-count': { zh: '"{value}" 不是问题个数(应为 0 或正整数)', en: '"{value}" is not a count of deficiencies (0 or a positive whole number)' },
  'answer.more-descriptions': {
    zh: '列出了 {described} 处问题,但问题个数只填了 {count}',
    en: '{described} deficiencies are described but the count is {count}',
  },
  'answer.not-a-number': { zh: '"{value}" 不是数字', en: '"{value}" is not a number' },
  'answer.out-of-range': { zh: '{value}{unit} 超出取值范围 {lo}–{hi}{unit}', en: '{value}{unit} is outside the range {lo}–{hi}{unit}' },
  'answer.bad-score': {
    zh: '得分 {value} 无效:应在 0 到 {points} 之间,且为 {step} 的整数倍',
    en: 'score {value} is invalid: it must be between 0 and {points} in steps of {step}',
  },
  'hint.check': { zh: '是 或 否', en: 'yes or no' },
  'hint.levels': { zh: '选择一个等级:{labels}', en: 'one level: {labels}' },
  'hint.multi': { zh: '选中的选项,用顿号分隔:{labels};都未做到填"无"', en: 'the chosen options separated by 、: {labels}; "无" for none' },
  'hint.deduct': { zh: '问题个数(每处扣 {per} 分,扣完 {points} 分为止)', en: 'number of deficiencies ({per} each, down to 0 from {points})' },
  'hint.scale': { zh: '实测数值{unit}', en: 'the measured value{unit}' },
  'hint.scale-range': { zh: '实测数值,{lo}–{hi}{unit}', en: 'the measured value, {lo}–{hi}{unit}' },
  'hint.points': { zh: '直接打分:0–{points},步长 {step}', en: 'a score from 0 to {points} in steps of {step}' },
} satisfies Record<string, Message>;
