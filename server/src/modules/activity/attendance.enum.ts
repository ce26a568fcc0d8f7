import { registerEnumType } from 'type-graphql';

export enum Attendance {
  PRESENT = 'PRESENT',
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
}

registerEnumType(Attendance, { name: 'Attendance', description: '出席情况：出席、请假、缺席' });
