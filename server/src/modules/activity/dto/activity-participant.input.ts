import { Field, ID, InputType } from 'type-graphql';
import { Attendance } from '../attendance.enum.js';

@InputType({ description: 'A deputy of the township and whether they attended' })
export class ActivityParticipantInput {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => Attendance, { defaultValue: Attendance.PRESENT })
  attendance: Attendance = Attendance.PRESENT;
}
