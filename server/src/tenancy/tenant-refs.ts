import { ref } from '@mikro-orm/core';
import { Provenance } from '../common/enums/provenance.enum.js';
import type { TownshipScope } from './require-township.js';
import { County } from '../modules/county/county.entity.js';
import { Township } from '../modules/township/township.entity.js';

/** Owner columns of a row a clerk records: always the caller's own township, never taken from input. */
export function tenantRefs(scope: TownshipScope) {
  return {
    township: ref(Township, scope.townshipId),
    county: ref(County, scope.countyId),
    provenance: Provenance.RECORDED,
  };
}
