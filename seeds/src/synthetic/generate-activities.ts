import type { IsoDate, SeedActivity, SeedDeputy } from '../seed-dataset.js';
import { pickParticipants } from './pick-participants.js';
import { compareCodePoints } from './compare-code-points.js';
import type { SeededRandom } from './seeded-random.js';
import { stratifiedDate } from './stratified-date.js';
import { workingDayNear } from '../dates/national-calendar-2021.js';
import type { SyntheticActivityBatch } from './synthetic-plan.js';

export interface GenerateActivitiesInput {
  townshipKey: string;
  batches: readonly SyntheticActivityBatch[];
  stationKeys: readonly string[];
  deputies: readonly SeedDeputy[];
  termStartedOn: IsoDate | null;
  latestDate: IsoDate;
  rng: SeededRandom;
}

/**
 * Rows for activities a report counts but does not date. Every row is SYNTHETIC; the number of rows
 * per batch equals the reported count, so records and figures agree.
 */
export function generateActivities(input: GenerateActivitiesInput): SeedActivity[] {
  const { townshipKey, rng } = input;
  const perType = new Map<string, number>();
  const activities: SeedActivity[] = [];
  for (const batch of input.batches) {
    const drafts = Array.from({ length: batch.count }, (_, i) => {
      const topic = batch.topics[i % batch.topics.length];
      if (topic === undefined) throw new Error(`${townshipKey}: batch ${batch.type} has no topics`);
      const to = [topic.to ?? batch.to, input.latestDate].sort()[0] as IsoDate;
      const from = topic.from ?? batch.from;
      // Drawn over the window, then moved off weekends and holidays: deputies meet on working days.
      const occurredOn = workingDayNear(
        topic.from !== undefined ? rng.dateBetween(from, to) : stratifiedDate(rng, from, to, i, batch.count),
        to,
      );
      const stationKey =
        batch.atStations && input.stationKeys.length > 0
          ? (input.stationKeys[i % input.stationKeys.length] as string)
          : null;
      return { topic: topic.topic, occurredOn, stationKey };
    });
    drafts.sort((a, b) => compareCodePoints(a.occurredOn, b.occurredOn));
    const slug = batch.type.toLowerCase().replace(/_/g, '-');
    for (const draft of drafts) {
      const n = (perType.get(slug) ?? 0) + 1;
      perType.set(slug, n);
      const pool =
        draft.stationKey === null ? input.deputies : input.deputies.filter((d) => d.stationKey === draft.stationKey);
      activities.push({
        key: `${townshipKey}-${slug}-${String(n).padStart(2, '0')}`,
        townshipKey,
        type: batch.type,
        occurredOn: draft.occurredOn,
        datePrecision: 'DAY',
        title: `${batch.titlePrefix}${draft.topic}${batch.titleSuffix}`,
        topic: draft.topic,
        place: null,
        stationKey: draft.stationKey,
        groupKey: null,
        sessionKey: null,
        outcome: null,
        participants: pickParticipants({
          rule: batch.participants,
          occurredOn: draft.occurredOn,
          termStartedOn: input.termStartedOn,
          pool,
          deputies: input.deputies,
          rng,
        }),
        provenance: 'SYNTHETIC',
      });
    }
  }
  return activities;
}
