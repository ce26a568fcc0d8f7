import { uuidV7 } from './uuid-v7.js';

describe('uuidV7', () => {
  it('gives RFC 9562 version 7 ids with the time in front, distinct across refills of the random pool', () => {
    const now = Date.UTC(2026, 11, 7, 4, 50);
    const ids = Array.from({ length: 1000 }, () => uuidV7(now));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // the random parts differ too, not only as whole ids
    expect(new Set(ids.map((id) => id.slice(24))).size).toBe(ids.length);
    expect(uuidV7(now + 1) > uuidV7(now)).toBe(true);
  });
});
