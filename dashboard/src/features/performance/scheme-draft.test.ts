import { describe, expect, it } from '@jest/globals';
import { draftRules, rulesToSave } from './scheme-draft';

describe('scheme draft', () => {
  it('fills one line per duty from the saved rules and saves only lines with points', () => {
    const draft = draftRules(
      ['SESSION_PRESENT', 'ACTIVITY_ABSENT', 'RECEPTION'],
      [{ duty: 'ACTIVITY_ABSENT', points: -2, cap: 10 }],
    );
    expect(draft).toEqual([
      { duty: 'SESSION_PRESENT', points: '', cap: '' },
      { duty: 'ACTIVITY_ABSENT', points: '-2', cap: '10' },
      { duty: 'RECEPTION', points: '', cap: '' },
    ]);
    draft[0]!.points = '5';
    expect(rulesToSave(draft)).toEqual([
      { duty: 'SESSION_PRESENT', points: 5, cap: null },
      { duty: 'ACTIVITY_ABSENT', points: -2, cap: 10 },
    ]);
  });
});
