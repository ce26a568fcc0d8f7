import { stationRetireChecks } from '../station/station.retire-checks.js';
import { deputyRetireChecks } from '../deputy/deputy.retire-checks.js';
import { DeputyReport } from './deputy-report.entity.js';

// Imported by deputy-report-mutation.resolver.ts, so the checks are in place whenever the schema is.
stationRetireChecks.push({
  child: 'deputyReport',
  countAfter: (em, stationId, on) => em.count(DeputyReport, { station: stationId, reportedOn: { $gt: on } }),
});

deputyRetireChecks.push({
  child: 'deputyReport',
  countAfter: (em, deputyId, on) => em.count(DeputyReport, { deputy: deputyId, reportedOn: { $gt: on } }),
});
