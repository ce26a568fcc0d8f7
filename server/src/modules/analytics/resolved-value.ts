import { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import { Provenance } from '../../common/enums/provenance.enum.js';
import { UnknownReason } from './unknown-reason.enum.js';

/** A county median, average or rate needs this many townships' known values (rule 3 of issue #12). */
export const MIN_COUNTY_BASIS = 3;

/** A figure for one township (or the county), period and metric, with where it came from. */
export interface ResolvedValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Of a known value; a figure reported without a number keeps its provenance. */
  provenance: Provenance | null;
  qualifier: FigureQualifier;
  /** null when the value is known. */
  unknownReason: UnknownReason | null;
  /** 进行中: the period is not over (or its report not yet due); the value is the count so far. */
  provisional: boolean;
  /** Share (0–1) of generated rows or figures behind a known value; null when unknown. */
  syntheticShare: number | null;
}

export const unknownValue = (reason: UnknownReason, provenance: Provenance | null = null): ResolvedValue => ({
  value: null,
  numerator: null,
  denominator: null,
  provenance,
  qualifier: FigureQualifier.EXACT,
  unknownReason: reason,
  provisional: false,
  syntheticShare: null,
});

/** Synthetic demo data taints whatever it is combined with; recorded counts rank below what was reported. */
const TRUST: Record<Provenance, number> = { SYNTHETIC: 0, RECORDED: 1, REPORTED: 2 };

export function weakestProvenance(parts: readonly ResolvedValue[]): Provenance | null {
  const known = parts.map((p) => p.provenance).filter((p): p is Provenance => p !== null);
  return known.length === 0 ? null : known.reduce((a, b) => (TRUST[a] <= TRUST[b] ? a : b));
}

/** At-least stays at-least and approximate stays approximate through any combination. */
export function loosestQualifier(parts: readonly ResolvedValue[]): FigureQualifier {
  if (parts.some((p) => p.qualifier === FigureQualifier.APPROXIMATE)) return FigureQualifier.APPROXIMATE;
  if (parts.some((p) => p.qualifier === FigureQualifier.AT_LEAST)) return FigureQualifier.AT_LEAST;
  return FigureQualifier.EXACT;
}

/**
 * The generated share of a sum: each part's share weighted by its value, a part of 0 weighing as one
 * figure (so a generated 0 still marks the sum). Positive whenever any part's share is.
 */
export function sumShare(parts: readonly ResolvedValue[]): number {
  let weight = 0;
  let generated = 0;
  for (const p of parts) {
    const w = Math.max(p.value ?? 0, 1);
    weight += w;
    generated += w * (p.syntheticShare ?? 0);
  }
  return weight === 0 ? 0 : generated / weight;
}

/** A known sum of known parts; `partial` when some parts are missing (then it is a lower bound). */
export function sumOf(parts: readonly ResolvedValue[], partial: boolean): ResolvedValue {
  const qualifier = loosestQualifier(parts);
  return {
    value: parts.reduce((s, p) => s + p.value!, 0),
    numerator: null,
    denominator: null,
    provenance: weakestProvenance(parts),
    qualifier: partial && qualifier === FigureQualifier.EXACT ? FigureQualifier.AT_LEAST : qualifier,
    unknownReason: null,
    provisional: parts.some((p) => p.provisional),
    syntheticShare: sumShare(parts),
  };
}

/** A rate's qualifier: a ratio of bounds or estimates is only approximate. */
export function rateQualifier(parts: readonly ResolvedValue[]): FigureQualifier {
  return parts.every((p) => p.qualifier === FigureQualifier.EXACT)
    ? FigureQualifier.EXACT
    : FigureQualifier.APPROXIMATE;
}

/** Which reason a combination of unknown values shows: the one that asks most of the township first. */
const REASON_ORDER: readonly UnknownReason[] = [
  UnknownReason.NOT_SUBMITTED,
  UnknownReason.NOT_STATED,
  UnknownReason.NOT_RECORDED,
  UnknownReason.NOT_STARTED,
];

export function combinedReason(parts: readonly ResolvedValue[]): UnknownReason {
  const reasons = new Set(parts.map((p) => p.unknownReason));
  return REASON_ORDER.find((r) => reasons.has(r)) ?? UnknownReason.NOT_RECORDED;
}

/** The generated share of a value read as a whole from one figure of the given provenance. */
export const shareOfProvenance = (provenance: Provenance | null): number =>
  provenance === Provenance.SYNTHETIC ? 1 : 0;
