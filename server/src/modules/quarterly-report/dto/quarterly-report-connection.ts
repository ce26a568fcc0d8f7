import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { QuarterlyReport } from '../quarterly-report.entity.js';

@ObjectType()
export class QuarterlyReportConnection extends ConnectionType(QuarterlyReport) {}
