import 'reflect-metadata';
import { resolverClasses } from './resolver-classes.js';
import { stationRetireChecks } from '../modules/station/station.retire-checks.js';
import { deputyGroupRetireChecks } from '../modules/deputy-group/deputy-group.retire-checks.js';
import { deputyRetireChecks } from '../modules/deputy/deputy.retire-checks.js';

// Parents never import their children: a child module registers its retire check as a side effect of
// its resolver module being loaded. Loading the resolver classes (what the server does) must register
// every check exactly once; a missing one would let a parent retire with records dated after it.
describe('retire checks registered by child domains', () => {
  it('are all in place once the resolver classes are loaded', () => {
    expect(resolverClasses.length).toBeGreaterThan(0);
    expect(stationRetireChecks.map((check) => check.child).sort()).toEqual([
      'activity',
      'deputyReport',
      'voterContact',
    ]);
    expect(deputyGroupRetireChecks.map((check) => check.child)).toEqual(['activity']);
    expect(deputyRetireChecks.map((check) => check.child).sort()).toEqual(['activity', 'deputyReport']);
  });
});
