export * from './scale-tiers.js';
export * from './scale-ids.js';
export * from './scale-rows.js';
export * from './load-scale-tier.js';
export * from './copy-text.js';
