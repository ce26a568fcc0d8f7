import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadAppConfig } from '../config/app-config.js';
import { createLogger } from '../common/logging/logger.js';
import { startServer, type RunningServer } from '../server/start-server.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { withDatabaseClient } from '../test-support/test-cluster.js';
import { runCli, runCliJson } from '../test-support/run-cli.js';
import { TEST_JWT_SECRET, type GraphQLResponse } from '../test-support/test-server.js';

/**
 * Going live for a real county, as its operator and its people would: an empty database, NODE_ENV=production,
 * the `renda` command, the activation link, the admin's first users, and the county's first comparison. No
 * demonstration data anywhere. The steps share `live` and run in order; the last ones bring the
 * township's existing registers in: its term by the command, its roster by the clerk's upload, a year of
 * figures by `renda import`, and the county sees them.
 */
describe('going live: production from an empty database', () => {
  let database: TestDatabase;
  let server: RunningServer | null = null;
  let env: Record<string, string>;
  const live = {
    countyId: '',
    townshipId: '',
    activationUrl: '',
    adminToken: '',
    clerkToken: '',
    staffToken: '',
  };

  const graphql = async <T>(query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(server!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  const signIn = async (login: string, password: string) => {
    const res = await graphql<{ login: { token: string } }>(
      'mutation ($input: LoginInput!) { login(input: $input) { token } }',
      { input: { login, password } },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.login.token;
  };

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    env = {
      NODE_ENV: 'production',
      DATABASE_URL: database.appUrl,
      MIGRATION_DATABASE_URL: database.ownerUrl,
      RENDA_JWT_SECRET: TEST_JWT_SECRET,
    };
  });
  afterAll(async () => {
    await server?.stop();
    await database.drop();
  });

  it('refuses county creation before the migrations, and as the application role, with a coded message', async () => {
    const early = await runCli(['county', 'create', '--name', '眉山县'], env);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/CLI_MIGRATIONS_PENDING/);
    expect(early.stderr).toMatch(/renda migrate/);
    expect(early.stderr).not.toMatch(/\n\s+at /);
    await runCliJson(['migrate'], env);
    const asApp = await runCli(['county', 'create', '--name', '眉山县', '--json'], {
      ...env,
      MIGRATION_DATABASE_URL: '',
    });
    expect(asApp.code).toBe(1);
    expect(JSON.parse(asApp.stdout)).toEqual({
      error: expect.objectContaining({ code: 'FORBIDDEN', reason: 'CLI_OWNER_ROLE_REQUIRED' }),
    });
    expect(JSON.parse(asApp.stdout).error.messageEn).toMatch(/MIGRATION_DATABASE_URL/);
  });

  it('migrates an empty production database without demo data, but with the reference data', async () => {
    const again = await runCliJson<{ migrations: string[]; seededRows: number }>(['migrate'], env);
    expect(again).toEqual({ migrations: [], seededRows: 0 });
    await withDatabaseClient(database.url, async (client) => {
      const counts = await client.query<{ counties: number; users: number; metrics: number; days: number }>(
        `select (select count(*)::int from county) as counties, (select count(*)::int from app_user) as users,
                (select count(*)::int from metric_definition where county_id is null) as metrics,
                (select count(*)::int from calendar_day where county_id is null) as days`,
      );
      expect(counts.rows[0]).toEqual({ counties: 0, users: 0, metrics: 46, days: 73 });
    });
  });

  it('creates the county, its township and its admin with the renda command', async () => {
    const county = await runCliJson<{ id: string; code: string; name: string }>(
      ['county', 'create', '--name', '眉山县', '--code', 'MEISHAN'],
      env,
    );
    expect(county).toMatchObject({ code: 'MEISHAN', name: '眉山县' });
    live.countyId = county.id;
    const township = await runCliJson<{ id: string; countyId: string }>(
      ['township', 'create', '--county', '眉山县', '--name', '青龙镇', '--code', 'QINGLONG'],
      env,
    );
    expect(township.countyId).toBe(county.id);
    live.townshipId = township.id;
    const invite = await runCliJson<{ userId: string; activationUrl: string; expiresAt: string }>(
      ['admin', 'invite', '--county', 'MEISHAN', '--username', 'meishan.admin', '--display-name', '眉山县管理员'],
      { ...env, RENDA_PUBLIC_URL: 'https://renda.meishan.example/' },
    );
    expect(invite.activationUrl).toMatch(/^https:\/\/renda\.meishan\.example\/activate\/[A-Za-z0-9_-]{43}$/);
    live.activationUrl = invite.activationUrl;
    const users = await runCliJson<{ login: string; role: string; status: string }[]>(
      ['users', 'list', '--county', county.id],
      env,
    );
    expect(users).toEqual([
      expect.objectContaining({ login: 'meishan.admin', role: 'COUNTY_ADMIN', status: 'INVITED' }),
    ]);
  });

  it('starts in production and the admin activates the account through the link', async () => {
    server = await startServer(
      { ...loadAppConfig(env), port: 0, migrateOnStart: true, jwtSecret: TEST_JWT_SECRET },
      createLogger(!process.env['RENDA_TEST_LOG']),
    );
    const token = live.activationUrl.split('/activate/')[1]!;
    const activated = await graphql<{ activateAccount: { token: string; user: { login: string; role: string } } }>(
      'mutation ($input: ActivateAccountInput!) { activateAccount(input: $input) { token user { login role } } }',
      { input: { token, password: '眉山-县管理员-2027' } },
    );
    expect(activated.errors).toBeUndefined();
    expect(activated.data!.activateAccount.user).toEqual({ login: 'meishan.admin', role: 'COUNTY_ADMIN' });
    live.adminToken = await signIn('meishan.admin', '眉山-县管理员-2027');
  });

  it('the admin creates a clerk and county staff', async () => {
    const create = (input: Record<string, unknown>) =>
      graphql<{ createUser: { id: string } }>(
        'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
        { input },
        live.adminToken,
      );
    const clerk = await create({
      login: 'qinglong.clerk',
      displayName: '青龙镇人大干事',
      password: 'qinglong-clerk-pass',
      role: 'TOWNSHIP_CLERK',
      townshipId: live.townshipId,
    });
    expect(clerk.errors).toBeUndefined();
    const staff = await create({
      login: 'meishan.staff',
      displayName: '县人大常委会工作人员',
      password: 'meishan-staff-pass',
      role: 'COUNTY_STAFF',
    });
    expect(staff.errors).toBeUndefined();
    live.clerkToken = await signIn('qinglong.clerk', 'qinglong-clerk-pass');
    live.staffToken = await signIn('meishan.staff', 'meishan-staff-pass');
  });

  it('county staff see the (still empty) township in compareTownships', async () => {
    const res = await graphql<{
      compareTownships: { townships: { name: string; code: string }[]; cells: { value: number | null }[] };
    }>(
      `
        query ($county: ID!) {
          compareTownships(countyId: $county, metricKeys: ["meetings_held"], periods: [{ year: 2026 }]) {
            townships {
              name
              code
            }
            cells {
              value
            }
          }
        }
      `,
      { county: live.countyId },
      live.staffToken,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.compareTownships.townships).toEqual([{ name: '青龙镇', code: 'QINGLONG' }]);
    expect(res.data!.compareTownships.cells.map((c) => c.value)).toEqual([null]);
  });

  it('holds no demonstration data anywhere', async () => {
    await withDatabaseClient(database.url, async (client) => {
      const rows = await client.query<{ counties: string[]; logins: string[]; demo: number; townships: string[] }>(
        `select (select array_agg(code order by code) from county) as counties,
                (select array_agg(login order by login) from app_user) as logins,
                (select count(*)::int from app_user where demo_credentials) as demo,
                (select array_agg(code order by code) from township) as townships`,
      );
      expect(rows.rows[0]).toEqual({
        counties: ['MEISHAN'],
        logins: ['meishan.admin', 'meishan.staff', 'qinglong.clerk'],
        demo: 0,
        townships: ['QINGLONG'],
      });
      for (const table of ['deputy', 'station', 'activity', 'suggestion', 'quarterly_report', 'period_figure']) {
        const n = await client.query<{ n: number }>(`select count(*)::int as n from ${table}`);
        expect([table, n.rows[0]!.n]).toEqual([table, 0]);
      }
    });
    const demo = await graphql('mutation ($input: LoginInput!) { login(input: $input) { token } }', {
      input: { login: 'demo.admin', password: 'renda-demo-2026' },
    });
    expect(demo.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('brings the township’s registers in: the term by the command, the roster by the clerk, a year of figures by renda import', async () => {
    const term = await runCliJson<{ name: string }>(
      [
        'township',
        'add-term',
        '--county',
        'MEISHAN',
        '--township',
        '青龙镇',
        '--name',
        '第八届',
        '--from',
        '2021-10-01',
      ],
      env,
    );
    expect(term.name).toBe('第八届');

    // The roster, as a county keeps it in Excel: the import template's sheet and headers.
    const roster = new ExcelJS.Workbook();
    roster.addWorksheet('代表名册').addRows([
      ['姓名', '届次', '性别', '代表层级', '当选日期'],
      ['李青山', '第八届', '男', '乡镇人大代表', '2021-10-15'],
      ['王秀英', '第八届', '女', '乡镇人大代表', '2021-10-15'],
      ['赵德明', '第八届', '男', '乡镇人大代表', '2021-10-15'],
    ]);
    const upload = {
      townshipId: live.townshipId,
      fileName: '青龙镇代表名册.xlsx',
      contentBase64: Buffer.from(await roster.xlsx.writeBuffer()).toString('base64'),
    };
    const imported = await graphql<{
      commitImport: { committed: boolean; sheets: { rows: number; created: number }[] };
    }>(
      'mutation ($input: ImportFileInput!) { commitImport(input: $input) { committed sheets { rows created } } }',
      { input: upload },
      live.clerkToken,
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.commitImport).toEqual({ committed: true, sheets: [{ rows: 3, created: 3 }] });

    // Last year's figures, quarter by quarter, through the operators' command as that clerk.
    const figures = new ExcelJS.Workbook();
    figures.addWorksheet('季度数据').addRows([
      ['年份', '季度', '指标代码', '数值'],
      [2025, 1, 'inspections', 2],
      [2025, 2, 'inspections', 3],
      [2025, 3, 'inspections', 1],
      [2025, 4, 'inspections', 4],
    ]);
    const folder = mkdtempSync(join(tmpdir(), 'renda-go-live-'));
    try {
      const file = join(folder, '青龙镇2025年季度数据.xlsx');
      await figures.xlsx.writeFile(file);
      const preview = await runCliJson<{ committed: boolean; problems: unknown[] }>(
        ['import', file, '--as', 'qinglong.clerk'],
        env,
      );
      expect(preview).toMatchObject({ committed: false, problems: [] });
      const committed = await runCliJson<{ committed: boolean; sheets: { rows: number; created: number }[] }>(
        ['import', file, '--as', 'qinglong.clerk', '--commit'],
        env,
      );
      expect(committed).toMatchObject({ committed: true, sheets: [{ rows: 4, created: 4 }] });
      // County staff may not import: the command refuses them as the dashboard does.
      const refused = await runCli(['import', file, '--as', 'meishan.staff', '--commit', '--json'], env);
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout).error).toMatchObject({ reason: 'CLI_USER_ROLE_NOT_ALLOWED' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }

    const seen = await graphql<{
      compareTownships: { townships: { name: string }[]; cells: { value: number | null }[] };
      township: { deputies: { totalCount: number } };
    }>(
      `
        query ($county: ID!, $township: ID!) {
          compareTownships(countyId: $county, metricKeys: ["inspections"], periods: [{ year: 2025 }]) {
            townships {
              name
            }
            cells {
              value
            }
          }
          township(id: $township) {
            deputies(first: 10) {
              totalCount
            }
          }
        }
      `,
      { county: live.countyId, township: live.townshipId },
      live.staffToken,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.compareTownships.townships).toEqual([{ name: '青龙镇' }]);
    expect(seen.data!.compareTownships.cells.map((c) => c.value)).toEqual([10]);
    expect(seen.data!.township.deputies.totalCount).toBe(3);
  });
});
