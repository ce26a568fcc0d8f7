import { Field, ID, ObjectType } from 'type-graphql';

/** A participant of an activity by name only: what a deputy may know of the others in a shared activity. */
@ObjectType({ description: '活动参加人（仅姓名）' })
export class ParticipantName {
  @Field(() => ID)
  deputyId!: string;

  @Field()
  name!: string;
}
