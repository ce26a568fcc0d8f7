/** The dashboard's languages: Chinese first (the platform's users read Chinese), English as a switch. */
export type AppLocale = 'zh-CN' | 'en';

export const APP_LOCALES: readonly AppLocale[] = ['zh-CN', 'en'];

export function isAppLocale(value: unknown): value is AppLocale {
  return value === 'zh-CN' || value === 'en';
}
