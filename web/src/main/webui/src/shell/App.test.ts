import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { makeI18n } from '@/i18n'
import { applyLocale } from '@/lib/locale'
import { signIn } from '@/test/harness'
import App from '@/App.vue'

describe('the language switch', () => {
  it('switches every text between 中文 and English, sets <html lang> and remembers the choice', async () => {
    localStorage.clear()
    applyLocale('zh-CN')
    signIn('mgr-east', ['manager'])
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }] })
    const wrapper = mount(App, { global: { plugins: [makeI18n(), router] } })
    await flushPromises()
    expect(wrapper.find('nav').text()).toContain('预警')
    expect(document.documentElement.lang).toBe('zh-CN')

    await wrapper.find('[data-testid="lang-switch"]').trigger('click')

    expect(wrapper.find('nav').text()).toContain('Alerts')
    expect(wrapper.find('[data-testid="logout"]').text()).toBe('Log out')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('crm.lang')).toBe('en')

    await wrapper.find('[data-testid="lang-switch"]').trigger('click')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(wrapper.find('[data-testid="logout"]').text()).toBe('退出登录')
  })

  it('shows a rep the rep pages and a manager the console', async () => {
    signIn('rep-east-1', ['rep'])
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div/>' } }] })
    const wrapper = mount(App, { global: { plugins: [makeI18n(), router] } })
    await flushPromises()
    const links = wrapper.findAll('nav a').map((a) => a.attributes('href'))
    expect(links).toEqual(['/today', '/customers', '/funnel', '/goals'])
  })
})
