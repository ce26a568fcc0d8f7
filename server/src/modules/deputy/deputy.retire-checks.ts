import type { RetireCheck } from '../../common/validation/retire-check.js';

/** What a deputy's child domains (activity) register: rows dated after the deputy left office. */
export const deputyRetireChecks: RetireCheck[] = [];
