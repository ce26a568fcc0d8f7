import { registerEnumType } from 'type-graphql';

export enum OutcomeClass {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

registerEnumType(OutcomeClass, {
  name: 'OutcomeClass',
  description: '办理结果分类：A 已解决，B 正在解决，C 列入计划，D 留作参考',
});
