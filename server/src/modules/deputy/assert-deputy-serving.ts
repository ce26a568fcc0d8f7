import type { Deputy } from './deputy.entity.js';
import { DeputyStatus } from './deputy-status.enum.js';
import { deputyErrors } from './deputy.errors.js';

/**
 * A deputy who resigned, was removed or died takes part in nothing dated after leaving. Older rows may
 * lack the date of leaving; they are let through rather than guessed.
 */
export function assertDeputyServing(deputy: Deputy, on: string, field: readonly (string | number)[]): void {
  if (deputy.status === DeputyStatus.ACTIVE || deputy.statusChangedOn === null || on <= deputy.statusChangedOn) return;
  throw deputyErrors.leftOffice(deputy, field);
}
