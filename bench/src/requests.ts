import http from 'node:http';
import { scaleRefs } from '@renda/seeds/dist/scale/scale-rows.js';
import type { ScaleTier } from '@renda/seeds/dist/scale/scale-tiers.js';
import { mintToken, type BenchIdentity } from './identity.js';
import { GRAPHQL_DOCUMENTS, variablesFor, type SystemName, type WorkloadName } from './workloads.js';

/** One ready-to-send request: the same identity and variables, in each system's dialect. */
export interface PreparedRequest {
  headers: Record<string, string>;
  body: string;
}

/** Requests rotate over this many counties, so the caches see different keys (one at the county tier). */
const ROTATED_COUNTIES = 20;

/** Who runs each workload: B1 as county staff, B2 as an analyst (the roles). */
function identityFor(workload: WorkloadName, county: number): BenchIdentity {
  return {
    userId: workload === 'B1' ? scaleRefs.staff(county) : scaleRefs.analyst(county),
    role: workload === 'B1' ? 'COUNTY_STAFF' : 'ANALYST',
    countyId: scaleRefs.county(county),
    townshipId: null,
  };
}

function bodyFor(system: SystemName, workload: WorkloadName, countyId: string): string {
  const variables = variablesFor(system, workload, countyId);
  if (system === 'floor') return JSON.stringify({ workload, variables });
  return JSON.stringify({ query: GRAPHQL_DOCUMENTS[system][workload], variables });
}

export async function prepareRequests(
  tier: ScaleTier,
  system: SystemName,
  workload: WorkloadName,
  jwtSecret: string,
): Promise<PreparedRequest[]> {
  const counties = Math.min(ROTATED_COUNTIES, tier.counties);
  const prepared: PreparedRequest[] = [];
  for (let i = 0; i < counties; i++) {
    // Spread over the tier rather than the first few counties.
    const county = Math.floor((i * tier.counties) / counties);
    const identity = identityFor(workload, county);
    prepared.push({
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await mintToken(jwtSecret, identity)}`,
      },
      body: bodyFor(system, workload, identity.countyId),
    });
  }
  return prepared;
}

/** Sends one request and returns the parsed JSON, failing on HTTP or GraphQL errors. */
export async function send(url: string, request: PreparedRequest): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  return answerOf(url, response.status, await response.text());
}

function answerOf(url: string, status: number, text: string): unknown {
  if (status < 200 || status > 299) throw new Error(`HTTP ${status} from ${url}: ${text.slice(0, 500)}`);
  const json = JSON.parse(text) as { errors?: unknown };
  if (json.errors) throw new Error(`GraphQL errors from ${url}: ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json;
}

/**
 * `send` over node:http with kept-alive connections, for a load generator that shares the machine's cores
 * with the server it measures (B3): `fetch` (undici) cost the generator about 0.6 ms of CPU per request
 * there, node:http about a third of that. Same answers, same failures; `close` ends the connections.
 */
export function keepAliveSender(): { send(url: string, request: PreparedRequest): Promise<unknown>; close(): void } {
  const agent = new http.Agent({ keepAlive: true });
  return {
    send: (url, request) =>
      new Promise((resolve, reject) => {
        const body = Buffer.from(request.body);
        const outgoing = http.request(
          url,
          { method: 'POST', agent, headers: { ...request.headers, 'content-length': String(body.length) } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              try {
                resolve(answerOf(url, response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
              } catch (error) {
                reject(error);
              }
            });
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      }),
    close: () => agent.destroy(),
  };
}
