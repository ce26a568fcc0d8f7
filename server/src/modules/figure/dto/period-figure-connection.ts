import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { PeriodFigure } from '../period-figure.entity.js';

@ObjectType()
export class PeriodFigureConnection extends ConnectionType(PeriodFigure) {}
