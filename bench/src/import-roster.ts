/**
 * The import benchmark: a 5,000-row roster (代表名册) committed through `commitImport` against a running
 * server, as a clerk would upload it, several times with fresh names (each run creates every row; a
 * repeated file would create none). Prints each run's wall time and the median as JSON.
 *
 *   npm run bench:import -w bench -- --url http://127.0.0.1:4000 --login hemao.clerk --rows 5000 --runs 3
 *
 * The file is CSV (UTF-8 with a BOM, as the CSV template): the rows go through the same per-row path
 * as a workbook's; reading an .xlsx instead of CSV is not part of this figure.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000' },
    login: { type: 'string', default: 'hemao.clerk' },
    password: { type: 'string', default: 'renda-demo-2026' },
    rows: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
  },
});

interface GraphQLResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function graphql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${args.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLResponse<T>;
  if (body.errors) throw new Error(JSON.stringify(body.errors[0]));
  return body.data!;
}

function roster(rows: number, term: string, prefix: string): Buffer {
  const lines = ['姓名,届次,性别,出生年份,代表层级,民族,政治面貌'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${prefix}${i},${term},${i % 2 ? '女' : '男'},${1950 + (i % 50)},乡镇人大代表,汉族,${i % 3 ? '群众' : '中共党员'}`,
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { login } = await graphql<{ login: { token: string } }>(
  'mutation ($input: LoginInput!) { login(input: $input) { token } }',
  { input: { login: args.login, password: args.password } },
);
const token = login.token;
const { me } = await graphql<{ me: { townshipId: string } }>('{ me { townshipId } }', {}, token);
const { township } = await graphql<{ township: { terms: { name: string }[] } }>(
  'query ($id: ID!) { township(id: $id) { terms { name } } }',
  { id: me.townshipId },
  token,
);
const term = township.terms[0]!.name;
const rows = Number(args.rows);
const seconds: number[] = [];
let bytes = 0;
for (let run = 0; run < Number(args.runs); run++) {
  const file = roster(rows, term, `基准${randomUUID().slice(0, 6)}-`);
  bytes = file.length;
  const started = performance.now();
  const result = await graphql<{ commitImport: { sheets: { created: number }[] } }>(
    'mutation ($input: ImportFileInput!) { commitImport(input: $input) { sheets { created } } }',
    { input: { townshipId: me.townshipId, fileName: '代表名册.csv', contentBase64: file.toString('base64') } },
    token,
  );
  seconds.push((performance.now() - started) / 1000);
  if (result.commitImport.sheets[0]!.created !== rows)
    throw new Error(`run ${run}: created ${result.commitImport.sheets[0]!.created}`);
}
process.stdout.write(
  `${JSON.stringify({ rows, fileBytes: bytes, runs: seconds.map((s) => Number(s.toFixed(2))), medianSeconds: Number(median(seconds).toFixed(2)) })}\n`,
);
