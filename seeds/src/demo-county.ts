import type { SeedCounty } from './seed-dataset.js';

/** The one demonstration county the five townships are seeded under; it is a label, not a real county. */
export const demoCounty: SeedCounty = {
  key: 'demo-county',
  code: 'DEMO',
  name: '示范县',
  nameEn: 'Demonstration County',
};
