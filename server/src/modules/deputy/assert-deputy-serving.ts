import { badInputError } from '../../common/errors/bad-input-error.js';
import type { Deputy } from './deputy.entity.js';
import { DeputyStatus } from './deputy-status.enum.js';

/**
 * A deputy who resigned, was removed or died takes part in nothing dated after leaving. Older rows may
 * lack the date of leaving; they are let through rather than guessed.
 */
export function assertDeputyServing(deputy: Deputy, on: string, field: readonly (string | number)[]): void {
  if (deputy.status === DeputyStatus.ACTIVE || deputy.statusChangedOn === null || on <= deputy.statusChangedOn) return;
  throw badInputError(
    field,
    `代表${deputy.name}已于 ${deputy.statusChangedOn} 离任`,
    `Deputy ${deputy.name} left office on ${deputy.statusChangedOn}`,
  );
}
