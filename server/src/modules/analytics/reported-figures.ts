import type { FigureQualifier } from '../../common/enums/figure-qualifier.enum.js';
import type { Provenance } from '../../common/enums/provenance.enum.js';

/** A figure a township reported, with where it came from. */
export interface Reported {
  value: number | null;
  provenance: Provenance;
  qualifier: FigureQualifier;
}

/** One report's figures (or a township's annual figures): metric key → [value, provenance, qualifier]. */
export interface ReportedRow {
  township_id: string;
  year: number;
  /** 1–4, or 0 for a whole year's figure. */
  quarter: number;
  figures: Record<string, [number | null, Provenance, FigureQualifier]>;
}

/**
 * The reported figures of a comparison, indexed by (township, year, quarter) as one number and then by
 * metric key: a comparison looks up tens of thousands of figures, and building a string key per lookup
 * made allocation and garbage collection the larger part of its time.
 */
export class ReportedFigures {
  private readonly townshipIndex = new Map<string, number>();
  private readonly figures = new Map<number, Map<string, Reported>>();

  constructor(rows: readonly ReportedRow[]) {
    for (const row of rows) {
      let township = this.townshipIndex.get(row.township_id);
      if (township === undefined) {
        township = this.townshipIndex.size;
        this.townshipIndex.set(row.township_id, township);
      }
      const slot = ReportedFigures.slot(township, row.year, row.quarter);
      let byMetric = this.figures.get(slot);
      if (!byMetric) {
        byMetric = new Map();
        this.figures.set(slot, byMetric);
      }
      for (const [key, [value, provenance, qualifier]] of Object.entries(row.figures))
        byMetric.set(key, { value, provenance, qualifier });
    }
  }

  private static slot(township: number, year: number, quarter: number): number {
    return (township * 10_000 + year) * 5 + quarter;
  }

  /** The township's figure for a quarter (1–4) or its annual figure (quarter 0). */
  get(townshipId: string, year: number, quarter: number, metricKey: string): Reported | undefined {
    const township = this.townshipIndex.get(townshipId);
    if (township === undefined) return undefined;
    return this.figures.get(ReportedFigures.slot(township, year, quarter))?.get(metricKey);
  }
}
