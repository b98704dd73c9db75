/* Generated from the method modules by scripts/gen-schema.ts: do not edit. */

export type Item = CheckItem | LevelsItem | MultiItem | DeductItem | ScaleItem | PointsItem;

/**
 * 综治中心规范化建设评估清单(格式 1)
 */
export interface ChecklistFile {
  /**
   * 格式版本,固定为 1
   */
  format: 1;
  /**
   * 清单编号,如 county
   */
  id: string;
  /**
   * 清单版本,字符串,如 "2025.1"
   */
  version: string;
  name: string;
  /**
   * 适用层级
   */
  level: 'county' | 'township';
  /**
   * 得分保留小数位,默认 1
   */
  precision?: number;
  /**
   * 等次:从高到低,min 含本数,最后一档 min 为 0
   *
   * @minItems 2
   */
  grades: [Grade, Grade, ...Grade[]];
  /**
   * @minItems 1
   */
  dimensions: [Dimension, ...Dimension[]];
  bonus?: Bonus;
}
export interface Grade {
  name: string;
  min: number;
}
export interface Dimension {
  id: string;
  name: string;
  /**
   * 须等于各评分项分值之和
   */
  points: number;
  /**
   * @minItems 1
   */
  items: [Item, ...Item[]];
}
export interface CheckItem {
  /**
   * 评分项编号,清单内唯一,如 INS-01
   */
  id: string;
  /**
   * 评分项目
   */
  title: string;
  /**
   * 评分标准
   */
  criteria: string;
  /**
   * 检查方法
   */
  guidance?: string;
  /**
   * 分值
   */
  points: number;
  /**
   * 一票否决:答题得 0 分时等次为最低
   */
  veto?: boolean;
  /**
   * 可答"不适用",须说明理由
   */
  na?: boolean;
  finding?: FindingDefaults;
  /**
   * 评分方法
   */
  method: 'check';
}
/**
 * 失分时写入整改台账的默认内容
 */
export interface FindingDefaults {
  problem?: string;
  measure?: string;
  owner?: string;
  /**
   * 整改时限 = 检查日期 + days,默认 30
   */
  days?: number;
}
export interface LevelsItem {
  /**
   * 评分项编号,清单内唯一,如 INS-01
   */
  id: string;
  /**
   * 评分项目
   */
  title: string;
  /**
   * 评分标准
   */
  criteria: string;
  /**
   * 检查方法
   */
  guidance?: string;
  /**
   * 分值
   */
  points: number;
  /**
   * 一票否决:答题得 0 分时等次为最低
   */
  veto?: boolean;
  /**
   * 可答"不适用",须说明理由
   */
  na?: boolean;
  finding?: FindingDefaults;
  /**
   * 评分方法
   */
  method: 'levels';
  /**
   * 等级:从高到低列出,最高等级的分值等于本项分值
   *
   * @minItems 2
   */
  levels: [Level, Level, ...Level[]];
}
export interface Level {
  label: string;
  points: number;
}
export interface MultiItem {
  /**
   * 评分项编号,清单内唯一,如 INS-01
   */
  id: string;
  /**
   * 评分项目
   */
  title: string;
  /**
   * 评分标准
   */
  criteria: string;
  /**
   * 检查方法
   */
  guidance?: string;
  /**
   * 分值
   */
  points: number;
  /**
   * 一票否决:答题得 0 分时等次为最低
   */
  veto?: boolean;
  /**
   * 可答"不适用",须说明理由
   */
  na?: boolean;
  finding?: FindingDefaults;
  /**
   * 评分方法
   */
  method: 'multi';
  /**
   * 选项:各选项分值之和等于本项分值
   *
   * @minItems 1
   */
  options: [Option, ...Option[]];
}
export interface Option {
  label: string;
  points: number;
}
export interface DeductItem {
  /**
   * 评分项编号,清单内唯一,如 INS-01
   */
  id: string;
  /**
   * 评分项目
   */
  title: string;
  /**
   * 评分标准
   */
  criteria: string;
  /**
   * 检查方法
   */
  guidance?: string;
  /**
   * 分值
   */
  points: number;
  /**
   * 一票否决:答题得 0 分时等次为最低
   */
  veto?: boolean;
  /**
   * 可答"不适用",须说明理由
   */
  na?: boolean;
  finding?: FindingDefaults;
  /**
   * 评分方法
   */
  method: 'deduct';
  /**
   * 每处问题扣分
   */
  per: number;
}
export interface ScaleItem {
  /**
   * 评分项编号,清单内唯一,如 INS-01
   */
  id: string;
  /**
   * 评分项目
   */
  title: string;
  /**
   * 评分标准
   */
  criteria: string;
  /**
   * 检查方法
   */
  guidance?: string;
  /**
   * 分值
   */
  points: number;
  /**
   * 一票否决:答题得 0 分时等次为最低
   */
  veto?: boolean;
  /**
   * 可答"不适用",须说明理由
   */
  na?: boolean;
  finding?: FindingDefaults;
  /**
   * 评分方法
   */
  method: 'scale';
  /**
   * 分档:按 min 从高到低,取第一个 min ≤ 实测值的档
   *
   * @minItems 1
   */
  bands: [Band, ...Band[]];
  /**
   * 单位,如 %、㎡、万元
   */
  unit?: string;
  /**
   * 允许的取值范围 [下限, 上限]
   *
   * @minItems 2
   * @maxItems 2
   */
  range?: [number, number];
}
export interface Band {
  min: number;
  points: number;
}
export interface PointsItem {
  /**
   * 评分项编号,清单内唯一,如 INS-01
   */
  id: string;
  /**
   * 评分项目
   */
  title: string;
  /**
   * 评分标准
   */
  criteria: string;
  /**
   * 检查方法
   */
  guidance?: string;
  /**
   * 分值
   */
  points: number;
  /**
   * 一票否决:答题得 0 分时等次为最低
   */
  veto?: boolean;
  /**
   * 可答"不适用",须说明理由
   */
  na?: boolean;
  finding?: FindingDefaults;
  /**
   * 评分方法
   */
  method: 'points';
  /**
   * 打分步长,默认 0.5,须整除本项分值
   */
  step?: number;
}
export interface Bonus {
  /**
   * 加分上限
   */
  cap: number;
  /**
   * @minItems 1
   */
  items: [Item, ...Item[]];
}
