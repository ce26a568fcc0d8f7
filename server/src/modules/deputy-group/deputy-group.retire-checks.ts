import type { RetireCheck } from '../../common/validation/retire-check.js';

/** What a deputy group's child domains (activity) register: rows dated after it was dissolved. */
export const deputyGroupRetireChecks: RetireCheck[] = [];
