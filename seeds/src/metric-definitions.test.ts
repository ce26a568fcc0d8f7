import { describe, expect, it } from '@jest/globals';
import { metricDefinitions, metricGroups } from './metric-definitions.js';

describe('metricDefinitions', () => {
  it('has unique keys and every metric the platform compares', () => {
    const keys = metricDefinitions.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        'meetings_held',
        'presidium_meetings',
        'inspections',
        'research_visits',
        'inspections_and_research_visits',
        'law_enforcement_checks',
        'supervisions',
        'study_sessions',
        'voter_receptions',
        'legal_outreach',
        'government_reports_heard',
        'resolutions_made',
        'reports_to_party_committee',
        'visitors_received',
        'letters_received',
        'letters_answered',
        'letter_reply_rate',
        'suggestions_received',
        'suggestions_replied',
        'suggestions_completed',
        'suggestion_completion_rate',
        'suggestions_solved',
        'suggestion_solved_rate',
        'satisfaction_rate',
        'congress_attendance_rate',
        'registered_voters',
        'voters_voted',
        'election_turnout',
        'deputies_reported_to_voters',
        'voter_contacts',
        'livelihood_projects_voted',
      ]),
    );
  });

  it('places every platform metric in exactly one section of the quarterly form', () => {
    const listed = Object.values(metricGroups).flat();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(metricDefinitions.map((m) => m.key).sort());
    expect(metricDefinitions.filter((m) => m.group === 'OTHER')).toEqual([]);
    expect(metricDefinitions.find((m) => m.key === 'election_turnout')).toMatchObject({
      group: 'ELECTIONS',
      position: 2,
    });
  });

  it('gives every metric both names, a unit and a computation', () => {
    for (const m of metricDefinitions) {
      expect(m.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.nameEn).toMatch(/^[A-Z"]/);
      expect(m.unit.length).toBeGreaterThan(0);
      expect(m.computation.length).toBeGreaterThan(10);
      if (m.kind === 'RATE') expect(m.unit).toBe('%');
      else expect(m.numeratorKey === null && m.denominatorKey === null).toBe(true);
    }
  });

  it('defines the rates the reports use by their parts', () => {
    const rate = (key: string) => metricDefinitions.find((m) => m.key === key);
    expect(rate('suggestion_completion_rate')).toEqual(
      expect.objectContaining({ numeratorKey: 'suggestions_completed', denominatorKey: 'suggestions_received' }),
    );
    expect(rate('suggestion_solved_rate')).toEqual(
      expect.objectContaining({ numeratorKey: 'suggestions_solved', denominatorKey: 'suggestions_received' }),
    );
    expect(rate('letter_reply_rate')).toEqual(
      expect.objectContaining({ numeratorKey: 'letters_answered', denominatorKey: 'letters_received' }),
    );
    expect(rate('election_turnout')).toEqual(
      expect.objectContaining({ numeratorKey: 'voters_voted', denominatorKey: 'registered_voters' }),
    );
  });
});
