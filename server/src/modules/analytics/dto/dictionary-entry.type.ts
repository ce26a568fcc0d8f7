import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: '数据字典条目 / A metric or an exportable field' })
export class DictionaryEntry {
  @Field({ description: 'METRIC or FIELD' })
  kind!: string;

  @Field({ description: 'The metric key, or Type.field' })
  name!: string;

  @Field()
  typeName!: string;

  @Field({ description: 'GraphQL type of the value, or the metric’s unit' })
  valueType!: string;

  @Field(() => String, { nullable: true, description: '中文名称 / The Chinese label (column headers, printouts)' })
  labelZh!: string | null;

  @Field(() => String, { nullable: true, description: 'The English label' })
  labelEn!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'Personal data: analysts cannot read or export it' })
  pii!: boolean;
}
