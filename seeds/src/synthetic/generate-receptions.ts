import type { IsoDate, SeedActivity, SeedDeputy, SeedStation, SeedVoterContact } from '../seed-dataset.js';
import { addDays } from '../dates/add-days.js';
import { workingDayNear } from '../dates/national-calendar-2021.js';
import { receptionDateInMonth } from '../dates/reception-date-in-month.js';
import { compareCodePoints } from './compare-code-points.js';
import type { SeededRandom } from './seeded-random.js';

export interface GenerateReceptionsInput {
  townshipKey: string;
  year: number;
  months: readonly number[];
  stations: readonly SeedStation[];
  deputies: readonly SeedDeputy[];
  subjects: readonly string[];
  termStartedOn: IsoDate | null;
  latestDate: IsoDate;
  rng: SeededRandom;
}

/**
 * Reception days (接待日) on each station's own schedule, with the visits received there. All SYNTHETIC:
 * the reports describe the schedules, never individual reception days. Stations whose day is unknown get none.
 */
export function generateReceptions(input: GenerateReceptionsInput): {
  activities: SeedActivity[];
  voterContacts: SeedVoterContact[];
} {
  const { rng } = input;
  const activities: SeedActivity[] = [];
  const voterContacts: SeedVoterContact[] = [];
  for (const station of input.stations) {
    const onDuty = input.deputies.filter((deputy) => deputy.stationKey === station.key);
    if (onDuty.length === 0) continue;
    for (const month of input.months) {
      // A reception day that falls on a holiday is held on the next working day.
      const scheduled = receptionDateInMonth(station, input.year, month);
      const date = scheduled === null ? null : workingDayNear(scheduled);
      if (date === null || date > input.latestDate) continue;
      if (input.termStartedOn !== null && date < input.termStartedOn) continue;
      const key = `${station.key}-reception-${date}`;
      const deputies = rng.sample(
        onDuty,
        rng.int(station.deputiesPerReceptionMin ?? 1, station.deputiesPerReception ?? 3),
      );
      activities.push({
        key,
        townshipKey: input.townshipKey,
        type: 'VOTER_RECEPTION',
        occurredOn: date,
        datePrecision: 'DAY',
        title: '代表接待选民日',
        topic: null,
        place: station.name,
        stationKey: station.key,
        groupKey: null,
        sessionKey: null,
        outcome: null,
        participants: deputies
          .map((deputy) => ({ deputyKey: deputy.key, attendance: 'PRESENT' as const }))
          .sort((a, b) => compareCodePoints(a.deputyKey, b.deputyKey)),
        provenance: 'SYNTHETIC',
      });
      const visits = rng.int(1, 3);
      for (let i = 1; i <= visits; i++) {
        const answeredOnSpot = rng.chance(0.6);
        const replied = answeredOnSpot || rng.chance(0.75);
        const repliedOn = replied
          ? ([addDays(date, answeredOnSpot ? 0 : rng.int(3, 20)), input.latestDate].sort()[0] as IsoDate)
          : null;
        voterContacts.push({
          key: `${key}-visit-${i}`,
          townshipKey: input.townshipKey,
          kind: 'VISIT',
          receivedOn: date,
          stationKey: station.key,
          deputyKey: rng.pick(deputies).key,
          subject: rng.pick(input.subjects),
          replied,
          repliedOn,
          provenance: 'SYNTHETIC',
        });
      }
    }
  }
  return { activities, voterContacts };
}
