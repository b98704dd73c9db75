/* Generated from the method modules by scripts/gen-schema.ts: do not edit. */

/**
 * 依据:文件名称和条款;阈值为本地草案的标"参考"
 */
export type Basis = string;
/**
 * 一票否决的后果:lowest-grade 定为最低等次;cap-grade 不高于该等次;deduct 从总分中扣分
 */
export type VetoEffect =
  | 'lowest-grade'
  | {
      /**
       * 等次上限,须是 grades 中的一个
       */
      'cap-grade': string;
    }
  | {
      /**
       * 从总分中扣除的分数
       */
      deduct: number;
    };
export type Item = CheckItem | LevelsItem | MultiItem | DeductItem | ScaleItem | PointsItem;
/**
 * 一票否决:true 按清单的 veto 后果(默认 lowest-grade),或写明本项的后果
 */
export type ItemVeto = boolean | VetoEffect;

/**
 * 综治中心规范化建设评估清单(格式 1)
 */
export interface ChecklistFile {
  /**
   * 格式版本:1,或 1.1(增加 basis、否决后果、负面清单、市级和村级)
   */
  format: 1 | 1.1;
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
  level: 'city' | 'county' | 'township' | 'village';
  basis?: Basis;
  veto?: VetoEffect;
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
  penalties?: Penalties;
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
  basis?: Basis;
  veto?: ItemVeto;
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
  basis?: Basis;
  veto?: ItemVeto;
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
  basis?: Basis;
  veto?: ItemVeto;
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
  basis?: Basis;
  veto?: ItemVeto;
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
  basis?: Basis;
  veto?: ItemVeto;
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
  basis?: Basis;
  veto?: ItemVeto;
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
/**
 * 负面清单:从总分中扣分或否决的事项
 */
export interface Penalties {
  /**
   * 类别名称,如 负面清单;整改台账的规范化类别
   */
  name: string;
  /**
   * 本类限扣
   */
  cap?: number;
  /**
   * @minItems 1
   */
  items: [PenaltyItem, ...PenaltyItem[]];
}
/**
 * 负面清单事项:每发生一起扣 per 分(可设本项限扣 cap),或实行一票否决
 */
export interface PenaltyItem {
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
  basis?: Basis;
  /**
   * 每发生一起扣分
   */
  per?: number;
  /**
   * 本项限扣
   */
  cap?: number;
  veto?: ItemVeto;
  finding?: FindingDefaults;
}
