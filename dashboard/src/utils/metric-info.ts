import type { FigureKind, Translate } from './figure-format';
import type { AppLocale } from '../i18n/locale';
import { MetricKind } from '../graphql/generated/schema-enums';

/** What the panels need of a metric definition (the catalog: names, unit, kind, rate denominator). */
export interface MetricInfo {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: FigureKind;
  denominatorKey: string | null;
}

/**
 * A metric's unit as an exported chart states it: "%" for a rate; the catalog's unit (次, 条, 人) in
 * Chinese, "number" in English (the catalog's units are Chinese words); per deputy when normalised.
 */
export function metricUnitText(
  metric: Pick<MetricInfo, 'unit' | 'kind'>,
  locale: AppLocale,
  translate: Translate,
  perDeputy = false,
): string {
  if (metric.kind === MetricKind.Rate || metric.unit === '%') return '%';
  const unit = locale === 'zh-CN' ? metric.unit || '个' : translate('outputs.unitNumber');
  return perDeputy ? translate('outputs.unitPerDeputy', { unit }) : unit;
}
