import { hemaoTownship } from './hemao-township.js';
import { qunliTownship } from './qunli-township.js';
import { simengTownship } from './simeng-township.js';
import type { TownshipSource } from './township-source.js';
import { unnamedTownship } from './unnamed-township.js';
import { zhenjiangTownship } from './zhenjiang-township.js';

/** The five reference reports, in the order of /work/shared/reference/README.md. */
export const townshipSources: readonly TownshipSource[] = [
  qunliTownship,
  simengTownship,
  hemaoTownship,
  zhenjiangTownship,
  unnamedTownship,
];
