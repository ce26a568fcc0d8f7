import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Where root keeps what the `postgres` user must reach when the checkout itself is out of its reach
 * (a clone under /root, mode 700): a copy of the binaries and the data folders. Overridable for tests.
 */
export const ROOT_PLACE = process.env['RENDA_PG_ROOT_DIR'] || '/var/lib/renda';

/** PostgreSQL refuses to run as root: as root it runs as a `postgres` system user, created when missing. */
export async function postgresRunAs(): Promise<RunAs | null> {
  if (process.getuid?.() !== 0) return null;
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  try {
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    await run('groupadd', ['postgres']).catch(() => undefined);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: await id('-u'), gid: await id('-g') };
  }
}

/**
 * Whether `user` passes `test <flag> path` — asked of the kernel by running `test` as that user, so
 * every folder on the way, ACLs included, counts as it will for PostgreSQL itself.
 */
export async function userCan(user: RunAs, flag: '-x' | '-w' | '-r', path: string): Promise<boolean> {
  try {
    await run('test', [flag, path], { uid: user.uid, gid: user.gid });
    return true;
  } catch {
    return false;
  }
}

function ensureRootPlace(): void {
  mkdirSync(ROOT_PLACE, { recursive: true, mode: 0o755 });
  chmodSync(ROOT_PLACE, 0o755);
}

/**
 * The folder holding `bin/`, `lib/` and `share/` of the embedded PostgreSQL, reachable by `user`: the
 * package's own when it is, otherwise a copy under ROOT_PLACE made once per version (PostgreSQL finds
 * its libraries and share files relative to its binaries, so the copy runs as is).
 */
export async function reachableInstall(user: RunAs, nativeDir: string, version: string): Promise<string> {
  if (await userCan(user, '-x', join(nativeDir, 'bin', 'initdb'))) return nativeDir;
  ensureRootPlace();
  const target = join(ROOT_PLACE, `postgresql-${version}`);
  if (!existsSync(join(target, '.complete'))) {
    // Copied beside the target, then renamed: a copy interrupted half-way is never used.
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(partial, '.complete'), `${nativeDir}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  return target;
}

/**
 * The data folder PostgreSQL will use for `dataDir`: itself when `user` can reach its parent, otherwise
 * a folder under ROOT_PLACE named after it (stable for one checkout, so data survives restarts).
 */
export async function reachableDataDir(user: RunAs, dataDir: string): Promise<string> {
  const wanted = resolve(dataDir);
  mkdirSync(dirname(wanted), { recursive: true });
  if (await userCan(user, '-x', dirname(wanted))) return wanted;
  ensureRootPlace();
  const key = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  return join(ROOT_PLACE, `${basename(wanted)}-${key}`);
}
