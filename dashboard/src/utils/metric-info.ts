import type { FigureKind } from './figure-format';

/** What the panels need of a metric definition (the catalog: names, unit, kind, rate denominator). */
export interface MetricInfo {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: FigureKind;
  denominatorKey: string | null;
}
