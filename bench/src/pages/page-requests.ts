import type { ScaleTier } from '@renda/seeds/dist/scale/scale-tiers.js';
import { mintToken } from '../identity.js';
import type { PreparedRequest } from '../requests.js';
import type { SystemName } from '../workloads.js';
import type { DashboardDocuments } from './dashboard-documents.js';
import { FLOOR_PAGES } from './floor-pages.js';
import { pageOperation, pagePlace } from './page-operations.js';
import { NO_POSTGRAPHILE, POSTGRAPHILE_PAGES } from './postgraphile-pages.js';

/** Requests rotate over this many counties (one at the county tier), as B1's and B2's do. */
const ROTATED_COUNTIES = 20;

export interface PageWorkload {
  name: string;
  page: string;
  role: string;
  /** The systems that answer it: always the API, PostGraphile and the floor where they have one. */
  systems: SystemName[];
  requests: Map<SystemName, PreparedRequest[]>;
  /** Nesting depth of the dashboard's document (statements per request should stay ≤ depth + 1). */
  depth: number;
  /** Why PostGraphile has no row, where it has none. */
  note: string | null;
}

export async function preparePageWorkload(
  tier: ScaleTier,
  name: string,
  documents: DashboardDocuments,
  jwtSecret: string,
): Promise<PageWorkload> {
  const operation = pageOperation(name);
  const document = documents.document(name);
  const postgraphile = POSTGRAPHILE_PAGES[name];
  const floor = FLOOR_PAGES[name];
  const systems: SystemName[] = [
    'renda',
    ...(postgraphile ? (['postgraphile'] as const) : []),
    ...(floor ? (['floor'] as const) : []),
  ];
  const requests = new Map<SystemName, PreparedRequest[]>(systems.map((s) => [s, []]));
  const counties = Math.min(ROTATED_COUNTIES, tier.counties);
  for (let i = 0; i < counties; i++) {
    const { place, identity } = pagePlace(tier, Math.floor((i * tier.counties) / counties), operation.role);
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${await mintToken(jwtSecret, identity)}`,
    };
    const variables = operation.variables(place);
    requests.get('renda')!.push({ headers, body: JSON.stringify({ query: document, variables }) });
    if (postgraphile) {
      requests.get('postgraphile')!.push({
        headers,
        body: JSON.stringify({ query: postgraphile.query, variables: postgraphile.variables(variables, place) }),
      });
    }
    if (floor) requests.get('floor')!.push({ headers, body: JSON.stringify({ workload: name, variables }) });
  }
  return {
    name,
    page: operation.page,
    role: operation.role,
    systems,
    requests,
    depth: documents.depth(name),
    note: postgraphile ? null : (NO_POSTGRAPHILE[name] ?? 'no PostGraphile equivalent'),
  };
}
