import { badInput, defineError } from '../../common/errors/define-error.js';

export const electionErrors = {
  moreVotersThanRegistered: defineError('ELECTION_MORE_VOTED_THAN_REGISTERED', (voted: number, registered: number) =>
    badInput(
      ['input', 'votersVoted'],
      `参选人数（${voted}）不能多于登记选民数（${registered}）`,
      `votersVoted (${voted}) cannot exceed registeredVoters (${registered})`,
    ),
  ),
};
