import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { Term } from '../term.entity.js';

@ObjectType()
export class TermConnection extends ConnectionType(Term) {}
