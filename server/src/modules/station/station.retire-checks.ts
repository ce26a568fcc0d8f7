import type { RetireCheck } from '../../common/validation/retire-check.js';

/** What a station's child domains (activity, voter-contact) register: rows dated after it closed. */
export const stationRetireChecks: RetireCheck[] = [];
