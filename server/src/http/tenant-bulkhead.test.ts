import { AppError } from '../common/errors/app-error.js';
import type { Identity } from '../tenancy/identity.js';
import { UserRole } from '../tenancy/user-role.enum.js';
import { TenantBulkhead } from './tenant-bulkhead.js';

describe('TenantBulkhead', () => {
  it('keys townships by township and county users by user', () => {
    const county: Identity = { userId: 'u1', role: UserRole.COUNTY_STAFF, countyId: 'c', townshipId: null };
    const clerk: Identity = { userId: 'u2', role: UserRole.TOWNSHIP_CLERK, countyId: 'c', townshipId: 't' };
    expect([TenantBulkhead.key(county), TenantBulkhead.key(clerk), TenantBulkhead.key(null)]).toEqual([
      'user:u1',
      'township:t',
      'anonymous',
    ]);
  });

  it('admits up to the limit per key, queues the next in order, and lets other keys through', async () => {
    const bulkhead = new TenantBulkhead(2, 60_000);
    const first = await bulkhead.acquire('township:a');
    await bulkhead.acquire('township:a');
    const order: string[] = [];
    const third = bulkhead.acquire('township:a').then((release) => (order.push('third'), release));
    const fourth = bulkhead.acquire('township:a').then((release) => (order.push('fourth'), release));
    // Another township is not held up by the full compartment.
    const other = await bulkhead.acquire('township:b');
    other();
    expect(order).toEqual([]);
    first();
    (await third)();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
  });

  it('refuses a request that waited too long with TIMEOUT (TENANT_BUSY), and a release after it is harmless', async () => {
    const bulkhead = new TenantBulkhead(1, 50);
    const held = await bulkhead.acquire('user:u');
    const refused = await bulkhead.acquire('user:u').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect([(refused as AppError).code, (refused as AppError).details]).toEqual(['TIMEOUT', { reason: 'TENANT_BUSY' }]);
    held();
    held();
    // The compartment is empty again: the limit admits a new request at once.
    const again = await bulkhead.acquire('user:u');
    again();
  });
});
