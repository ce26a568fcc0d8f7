export type * from './seed-dataset.js';
export { buildSeedDataset } from './build-seed-dataset.js';
export { HOLIDAYS_2021, MAKE_UP_WORKDAYS_2021, isWorkingDay } from './dates/national-calendar-2021.js';
export { metricDefinitions as platformMetricCatalog } from './metric-definitions.js';
