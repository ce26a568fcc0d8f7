import { InputType } from 'type-graphql';
import { TenantFilter } from '../../../common/filters/tenant-filter.js';

@InputType()
export class DeputyGroupFilter extends TenantFilter {}
