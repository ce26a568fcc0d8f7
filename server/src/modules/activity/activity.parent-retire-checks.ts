import { stationRetireChecks } from '../station/station.retire-checks.js';
import { deputyGroupRetireChecks } from '../deputy-group/deputy-group.retire-checks.js';
import { deputyRetireChecks } from '../deputy/deputy.retire-checks.js';
import { Activity } from './activity.entity.js';
import { ActivityParticipant } from './activity-participant.entity.js';

// Imported by activity.resolver.ts, so the checks are in place whenever the schema is.
stationRetireChecks.push({
  child: 'activity',
  countAfter: (em, stationId, on) => em.count(Activity, { station: stationId, occurredOn: { $gt: on } }),
});

deputyGroupRetireChecks.push({
  child: 'activity',
  countAfter: (em, groupId, on) => em.count(Activity, { group: groupId, occurredOn: { $gt: on } }),
});

deputyRetireChecks.push({
  child: 'activity',
  // Both tables filtered to the county: Citus routes the join to one shard group (it joins only on county_id).
  countAfter: (em, deputyId, on, countyId) =>
    em.count(ActivityParticipant, {
      county: countyId,
      deputy: deputyId,
      activity: { county: countyId, occurredOn: { $gt: on } },
    }),
});
