import { Arg, Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditLogConnection } from './dto/audit-log-connection.js';
import { AuditLogFilter } from './dto/audit-log-filter.input.js';

@Resolver(() => AuditLogEntry)
export class AuditLogResolver {
  @Authorized(UserRole.COUNTY_ADMIN, UserRole.TOWNSHIP_CLERK)
  @Query(() => AuditLogConnection, { description: '审计日志：县管理员看本县，乡镇文书看本乡镇 / Audit log' })
  auditLog(
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new AuditLogService(ctx.em).connection(filter, args, ctx.identity?.countyId, info);
  }
}
