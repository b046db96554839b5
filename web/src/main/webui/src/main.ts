import { createApp } from 'vue'
import App from './App.vue'
import { makeI18n } from './i18n'
import { makeRouter } from './router'
import { loadConfig } from './lib/config'
import { initAuth, login } from './lib/auth'
import { onUnauthorized } from './lib/api/http'
import { applyLocale, currentLocale } from './lib/locale'
import './style.css'

async function start() {
  if (import.meta.env.VITE_MOCK === '1') {
    // Dev only (npm run dev:mock): canned answers instead of the services, to look at pages.
    const { installMock } = await import('./dev/mock')
    installMock()
  }
  applyLocale(currentLocale())
  const app = createApp(App)
  app.use(makeI18n())
  try {
    await loadConfig()
    if (!(await initAuth())) return
  } catch (error) {
    document.getElementById('app')!.textContent = `Configuration or login failed: ${String(error)}`
    return
  }
  // A lapsed session: forms keep their drafts in sessionStorage, so a fresh login loses nothing.
  onUnauthorized(() => void login())
  app.use(makeRouter())
  app.mount('#app')
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    navigator.serviceWorker.register('/sw.js').catch(() => { /* the app works without it */ })
  }
}

void start()
