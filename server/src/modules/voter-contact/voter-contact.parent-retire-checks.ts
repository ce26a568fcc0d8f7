import { stationRetireChecks } from '../station/station.retire-checks.js';
import { VoterContact } from './voter-contact.entity.js';

// Imported by voter-contact.resolver.ts, so the check is in place whenever the schema is.
stationRetireChecks.push({
  child: 'voterContact',
  countAfter: (em, stationId, on) => em.count(VoterContact, { station: stationId, receivedOn: { $gt: on } }),
});
