import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../common/pagination/connection-type.js';
import { VoterContact } from '../voter-contact.entity.js';

@ObjectType()
export class VoterContactConnection extends ConnectionType(VoterContact) {}
