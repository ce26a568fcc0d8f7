import type { RequestContext } from '../../tenancy/request-context.js';
import type { ConnectionArgs } from '../../common/pagination/connection-args.js';
import { byColumn, nestedPages } from '../../tenancy/nested-pages.js';
import { VoterContactService } from './voter-contact.service.js';
import type { VoterContactFilter } from './dto/voter-contact-filter.input.js';

export const voterContactLoaders = {
  pagesByTownship: (ctx: RequestContext, filter: VoterContactFilter | null, args: ConnectionArgs) =>
    nestedPages(ctx, 'voterContact.township', new VoterContactService(ctx.em), byColumn('township_id'), filter, args),
};
