import type { MethodSchema } from '../methods/method.js';

const ITEM_COMMON = {
  id: { type: 'string', pattern: '^[A-Z][A-Z0-9]*-[0-9]+$', description: '评分项编号,清单内唯一,如 INS-01' },
  title: { type: 'string', minLength: 1, description: '评分项目' },
  criteria: { type: 'string', minLength: 1, description: '评分标准' },
  guidance: { type: 'string', minLength: 1, description: '检查方法' },
  points: { type: 'number', exclusiveMinimum: 0, description: '分值' },
  basis: { $ref: '#/$defs/basis' },
  veto: { $ref: '#/$defs/itemVeto' },
  na: { type: 'boolean', description: '可答"不适用",须说明理由' },
  finding: { $ref: '#/$defs/findingDefaults' },
} as const;

const ITEM_REQUIRED = ['id', 'title', 'criteria', 'points', 'method'];

function itemBranch(name: string, part: MethodSchema): object {
  const title = `${name[0].toUpperCase()}${name.slice(1)}Item`;
  return {
    title,
    type: 'object',
    properties: { ...ITEM_COMMON, method: { const: name, description: '评分方法' }, ...part.properties },
    required: [...ITEM_REQUIRED, ...part.required],
    additionalProperties: false,
  };
}

const VETO_EFFECT = {
  title: 'VetoEffect',
  description: '一票否决的后果:lowest-grade 定为最低等次;cap-grade 不高于该等次;deduct 从总分中扣分',
  oneOf: [
    { const: 'lowest-grade' },
    {
      type: 'object',
      properties: { 'cap-grade': { type: 'string', minLength: 1, description: '等次上限,须是 grades 中的一个' } },
      required: ['cap-grade'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { deduct: { type: 'number', exclusiveMinimum: 0, description: '从总分中扣除的分数' } },
      required: ['deduct'],
      additionalProperties: false,
    },
  ],
} as const;

const PENALTY_ITEM = {
  title: 'PenaltyItem',
  type: 'object',
  description: '负面清单事项:每发生一起扣 per 分(可设本项限扣 cap),或实行一票否决',
  properties: {
    id: ITEM_COMMON.id,
    title: ITEM_COMMON.title,
    criteria: ITEM_COMMON.criteria,
    guidance: ITEM_COMMON.guidance,
    basis: ITEM_COMMON.basis,
    per: { type: 'number', exclusiveMinimum: 0, description: '每发生一起扣分' },
    cap: { type: 'number', exclusiveMinimum: 0, description: '本项限扣' },
    veto: ITEM_COMMON.veto,
    finding: ITEM_COMMON.finding,
  },
  required: ['id', 'title', 'criteria'],
  additionalProperties: false,
} as const;

/** The checklist schema (format 1 and 1.1), with each method's item shape taken from its module. */
export function checklistSchema(methods: readonly { name: string; schema: MethodSchema }[]): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://zongzhi-audit.example/schema/checklist.schema.json',
    title: 'ChecklistFile',
    description: '综治中心规范化建设评估清单(格式 1)',
    type: 'object',
    properties: {
      format: { enum: [1, 1.1], description: '格式版本:1,或 1.1(增加 basis、否决后果、负面清单、市级和村级)' },
      id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: '清单编号,如 county' },
      version: { type: 'string', minLength: 1, description: '清单版本,字符串,如 "2025.1"' },
      name: { type: 'string', minLength: 1 },
      level: { enum: ['city', 'county', 'township', 'village'], description: '适用层级' },
      basis: { $ref: '#/$defs/basis' },
      veto: { $ref: '#/$defs/vetoEffect' },
      precision: { type: 'integer', minimum: 0, maximum: 4, description: '得分保留小数位,默认 1' },
      grades: {
        type: 'array',
        minItems: 2,
        description: '等次:从高到低,min 含本数,最后一档 min 为 0',
        items: {
          title: 'Grade',
          type: 'object',
          properties: { name: { type: 'string', minLength: 1 }, min: { type: 'number', minimum: 0 } },
          required: ['name', 'min'],
          additionalProperties: false,
        },
      },
      dimensions: {
        type: 'array',
        minItems: 1,
        items: { $ref: '#/$defs/dimension' },
      },
      bonus: {
        title: 'Bonus',
        type: 'object',
        properties: {
          cap: { type: 'number', exclusiveMinimum: 0, description: '加分上限' },
          items: { type: 'array', minItems: 1, items: { $ref: '#/$defs/item' } },
        },
        required: ['cap', 'items'],
        additionalProperties: false,
      },
      penalties: {
        title: 'Penalties',
        type: 'object',
        description: '负面清单:从总分中扣分或否决的事项',
        properties: {
          name: { type: 'string', minLength: 1, description: '类别名称,如 负面清单;整改台账的规范化类别' },
          cap: { type: 'number', exclusiveMinimum: 0, description: '本类限扣' },
          items: { type: 'array', minItems: 1, items: { $ref: '#/$defs/penaltyItem' } },
        },
        required: ['name', 'items'],
        additionalProperties: false,
      },
    },
    required: ['format', 'id', 'version', 'name', 'level', 'grades', 'dimensions'],
    additionalProperties: false,
    $defs: {
      basis: { type: 'string', minLength: 1, description: '依据:文件名称和条款;阈值为本地草案的标"参考"' },
      vetoEffect: VETO_EFFECT,
      itemVeto: {
        description: '一票否决:true 按清单的 veto 后果(默认 lowest-grade),或写明本项的后果',
        oneOf: [{ type: 'boolean' }, { $ref: '#/$defs/vetoEffect' }],
      },
      penaltyItem: PENALTY_ITEM,
      dimension: {
        title: 'Dimension',
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
          name: { type: 'string', minLength: 1 },
          points: { type: 'number', exclusiveMinimum: 0, description: '须等于各评分项分值之和' },
          items: { type: 'array', minItems: 1, items: { $ref: '#/$defs/item' } },
        },
        required: ['id', 'name', 'points', 'items'],
        additionalProperties: false,
      },
      findingDefaults: {
        title: 'FindingDefaults',
        type: 'object',
        description: '失分时写入整改台账的默认内容',
        properties: {
          problem: { type: 'string', minLength: 1 },
          measure: { type: 'string', minLength: 1 },
          owner: { type: 'string', minLength: 1 },
          days: { type: 'integer', minimum: 1, description: '整改时限 = 检查日期 + days,默认 30' },
        },
        additionalProperties: false,
      },
      item: {
        title: 'Item',
        type: 'object',
        required: ['method'],
        properties: { method: { enum: methods.map((m) => m.name) } },
        discriminator: { propertyName: 'method' },
        oneOf: methods.map((m) => itemBranch(m.name, m.schema)),
      },
    },
  };
}
