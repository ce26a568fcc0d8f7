import { createServer, type IncomingMessage, type Server } from 'node:http';
import pg from 'pg';
import { identitySettings, verifyToken } from './identity.js';
import { FLOOR_PAGES } from './pages/floor-pages.js';
import { FLOOR_SQL, floorParameters, type WorkloadName } from './workloads.js';

export interface FloorOptions {
  appUrl: string;
  jwtSecret: string;
  poolMax: number;
  /** On a Citus cluster: hand the identity to the workers as the API does (renda_share_settings). */
  shareSettings?: boolean;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

const SET_IDENTITY = `select set_config('renda.user_id', $1, true), set_config('renda.role', $2, true),
  set_config('renda.county_id', $3, true), set_config('renda.township_id', $4, true), set_config('role', $5, true)`;
/**
 * On a Citus cluster, the API's identity statement also calls `renda_share_settings()` last (it repeats
 * the settings as `SET LOCAL`, which Citus propagates to the workers' row-level security): the same here.
 */
const SET_IDENTITY_SHARED = `${SET_IDENTITY}, renda_share_settings()`;

/** B1's and B2's statement, or a page-load operation's (pages/floor-pages.ts). */
function floorStatement(workload: string): { sql: string; parameters(variables: Record<string, unknown>): unknown[] } {
  if (workload === 'B1' || workload === 'B2') {
    const name: WorkloadName = workload;
    return { sql: FLOOR_SQL[name], parameters: (variables) => floorParameters(name, variables) };
  }
  const page = FLOOR_PAGES[workload];
  if (!page) throw new Error(`the floor has no statement for ${workload}`);
  return page;
}

/**
 * The floor: HTTP + token check + the same transaction wrapper as the API (begin read only →
 * set_config → one statement → commit), and PostgreSQL's JSON passed through as the response body.
 * It takes `{ "workload": "B1" | "B2" | <page operation>, "variables": {…} }` at /graphql.
 */
export function createFloorServer(options: FloorOptions): { server: Server; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: options.appUrl, max: options.poolMax });
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const identity = await verifyToken(options.jwtSecret, request.headers.authorization);
        const { workload, variables } = JSON.parse(await readBody(request)) as {
          workload: string;
          variables: Record<string, unknown>;
        };
        const statement = floorStatement(workload);
        const settings = identitySettings(identity);
        const client = await pool.connect();
        let body: string;
        try {
          await client.query('begin read only');
          await client.query(options.shareSettings ? SET_IDENTITY_SHARED : SET_IDENTITY, [
            settings['renda.user_id'],
            settings['renda.role'],
            settings['renda.county_id'],
            settings['renda.township_id'],
            settings['role'],
          ]);
          const result = await client.query<{ body: string }>(statement.sql, statement.parameters(variables));
          await client.query('commit');
          body = result.rows[0]!.body;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch (error) {
        response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      }
    })();
  });
  return {
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
