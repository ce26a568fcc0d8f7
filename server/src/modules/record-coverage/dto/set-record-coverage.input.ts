import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { RecordKind } from '../record-kind.enum.js';

@InputType({ description: 'Sets from when a township’s records of one kind are complete' })
export class SetRecordCoverageInput {
  @Field(() => ID, { nullable: true, description: 'A county admin names the township; a clerk may omit its own' })
  townshipId?: string | null;

  @Field(() => RecordKind)
  recordKind!: RecordKind;

  @Field(() => LocalDateResolver, { nullable: true, description: 'null removes the coverage (nothing known complete)' })
  recordedSince?: string | null;
}
