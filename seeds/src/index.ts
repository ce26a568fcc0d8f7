export type * from './seed-dataset.js';
export { buildSeedDataset } from './build-seed-dataset.js';
