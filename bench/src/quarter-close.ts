import { scaleRefs } from '@renda/seeds/dist/scale/scale-rows.js';
import { OPEN_QUARTER, countyOfTownship, type ScaleTier } from '@renda/seeds/dist/scale/scale-tiers.js';
import { withClient } from './with-client.js';
import { mintToken } from './identity.js';
import { keepAliveSender, type PreparedRequest } from './requests.js';

export interface QuarterCloseResult {
  townships: number;
  /** API processes the clerks were spread over, and submissions in flight at once. */
  processes: number;
  concurrency: number;
  seconds: number;
  submissionsPerSecond: number;
  /** Requests that failed even after retrying with the same idempotency key. */
  failed: number;
  retried: number;
  /** Reports for the quarter in the database, distinct townships among them, and revisions stored. */
  reports: number;
  distinctTownships: number;
  revisions: number;
  /** Every township submitted once: one report, one revision each, nothing lost or doubled. */
  exactlyOnce: boolean;
}

const SUBMIT = `mutation B3($input: SubmitQuarterlyReportInput!) {
  submitQuarterlyReport(input: $input) { replayed report { id version state } }
}`;

/**
 * B3: every township's clerk submits the open quarter once (values as recorded), `concurrency` at a
 * time, township i to `urls[i % urls.length]` (several API processes, as replicas behind a Service).
 * A failed request is retried with the same idempotency key, which must not store it twice.
 */
export async function runQuarterClose(options: {
  /** One per API process. */
  urls: readonly string[];
  ownerUrl: string;
  tier: ScaleTier;
  jwtSecret: string;
  concurrency: number;
  /** Only the first n townships (a sample of a large tier); all when absent. */
  limit?: number;
}): Promise<QuarterCloseResult> {
  const { tier } = options;
  const townships = Math.min(options.limit ?? tier.townships, tier.townships);
  // Clerks are signed in before the close starts: tokens are minted before the clock runs, so the
  // load generator's signing does not compete with the API for the machine's cores.
  const requests: PreparedRequest[] = [];
  for (let township = 0; township < townships; township++) {
    const token = await mintToken(options.jwtSecret, {
      userId: scaleRefs.clerk(township),
      role: 'TOWNSHIP_CLERK',
      countyId: scaleRefs.county(countyOfTownship(tier, township)),
      townshipId: scaleRefs.township(township),
    });
    requests.push({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: SUBMIT,
        variables: {
          input: {
            year: OPEN_QUARTER.year,
            quarter: OPEN_QUARTER.quarter,
            expectedVersion: 0,
            idempotencyKey: `bench-close-${township}`,
            values: [],
          },
        },
      }),
    });
  }
  let next = 0;
  let failed = 0;
  let retried = 0;
  const { send, close } = keepAliveSender();
  const submitOne = async (township: number) => {
    const url = options.urls[township % options.urls.length]!;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await send(url, requests[township]!);
        return;
      } catch {
        retried++;
      }
    }
    failed++;
  };
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < townships) await submitOne(next++);
      }),
    );
  } finally {
    close();
  }
  const seconds = (performance.now() - started) / 1000;
  const stored = await withClient(options.ownerUrl, async (client) => {
    // Two statements, not a scalar subquery beside the aggregates: Citus cannot push that down.
    const params = [OPEN_QUARTER.year, OPEN_QUARTER.quarter];
    const reports = await client.query<{ reports: string; townships: string }>(
      `select count(*) as reports, count(distinct q.township_id) as townships
         from quarterly_report q where q.year = $1 and q.quarter = $2 and q.state = 'SUBMITTED' and q.version = 1`,
      params,
    );
    const revisions = await client.query<{ revisions: string }>(
      `select count(*) as revisions from quarterly_report_revision r
         join quarterly_report q on q.county_id = r.county_id and q.id = r.report_id
        where q.year = $1 and q.quarter = $2`,
      params,
    );
    return { ...reports.rows[0]!, ...revisions.rows[0]! };
  });
  const reports = Number(stored.reports);
  const distinctTownships = Number(stored.townships);
  const revisions = Number(stored.revisions);
  return {
    townships,
    processes: options.urls.length,
    concurrency: options.concurrency,
    seconds,
    submissionsPerSecond: townships / seconds,
    failed,
    retried,
    reports,
    distinctTownships,
    revisions,
    exactlyOnce: reports === townships && distinctTownships === townships && revisions === townships,
  };
}
