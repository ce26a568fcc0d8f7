import { createI18n } from 'vue-i18n';
import zhCN, { type MessageSchema } from './zh-CN';
import en from './en';
import { isAppLocale, type AppLocale } from './locale';

const LOCALE_KEY = 'renda.locale';

function storedLocale(): AppLocale {
  try {
    const value = localStorage.getItem(LOCALE_KEY);
    return isAppLocale(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

/** Switches the language, remembers it in this browser, and tells assistive technology (<html lang>). */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // storage may be disabled: the switch still holds for this page
  }
}

export function currentLocale(): AppLocale {
  return i18n.global.locale.value;
}
