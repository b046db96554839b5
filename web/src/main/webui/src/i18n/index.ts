import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'
import { currentLocale } from '../lib/locale'

export const messages = { 'zh-CN': zhCN, en }

export function makeI18n() {
  return createI18n({
    legacy: false,
    locale: currentLocale(),
    fallbackLocale: 'en',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
}
