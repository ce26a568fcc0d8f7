import type { RequestContext } from '../../tenancy/request-context.js';
import { childLists } from '../../tenancy/child-lists.js';
import { Township } from './township.entity.js';
import { Term } from '../term/term.entity.js';
import { CongressSession } from '../term/congress-session.entity.js';
import { DeputyGroup } from '../deputy-group/deputy-group.entity.js';
import { Station } from '../station/station.entity.js';
import { Election } from '../election/election.entity.js';
import { PeriodFigure } from '../figure/period-figure.entity.js';

/** Small per-township lists that need no pagination. */
export const townshipLoaders = {
  byCounty: (ctx: RequestContext) => childLists(ctx, Township, 'county', { code: 'asc' }),
  termsByTownship: (ctx: RequestContext) => childLists(ctx, Term, 'township', { name: 'asc' }),
  sessionsByTerm: (ctx: RequestContext) => childLists(ctx, CongressSession, 'term', { sessionNumber: 'asc' }),
  groupsByTownship: (ctx: RequestContext) => childLists(ctx, DeputyGroup, 'township', { name: 'asc' }),
  stationsByTownship: (ctx: RequestContext) => childLists(ctx, Station, 'township', { name: 'asc' }),
  electionsByTownship: (ctx: RequestContext) => childLists(ctx, Election, 'township', { heldOn: 'desc' }),
  figuresByTownship: (ctx: RequestContext) =>
    childLists(ctx, PeriodFigure, 'township', { metricKey: 'asc', year: 'asc' }),
};
