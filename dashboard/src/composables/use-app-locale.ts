import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { isAppLocale, type AppLocale } from '../i18n/locale';

/** The current language as an AppLocale, for the formatting functions. */
export function useAppLocale(): ComputedRef<AppLocale> {
  const { locale } = useI18n();
  return computed(() => (isAppLocale(locale.value) ? locale.value : 'zh-CN'));
}
