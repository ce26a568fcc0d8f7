import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { DutyReport } from '../duty-report.entity.js';

@ObjectType()
export class DutyReportConnection extends ConnectionType(DutyReport) {}
