import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase } from './embedded-database.js';
import { freePort } from '../common/net/free-port.js';

describe('the embedded database’s data folder', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'renda-embedded-'));
    // Reachable by the `postgres` user when tests run as root: no relocated copy outlives the test.
    chmodSync(work, 0o755);
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses a folder another PostgreSQL major wrote, naming it and the way out, and leaves it untouched', async () => {
    const dataDir = join(work, 'pg18');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), '18\n');
    const port = await freePort();
    // Were it started after all, it is stopped again, so the failure is the assertion and not a hang.
    const refusal = await startEmbeddedDatabase({ dataDir, port, databaseName: 'renda' }).then(
      async (database) => {
        await database.stop();
        return null;
      },
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toMatch(/created by PostgreSQL 18, and this Renda ships PostgreSQL 15/);
    expect((refusal as Error).message).toContain(`${dataDir} was created`);
    expect((refusal as Error).message).toContain('Move that folder away');
    expect(readdirSync(dataDir)).toEqual(['PG_VERSION']);
  });
});
