import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { auth, landingPath, login, type Role } from './lib/auth'

declare module 'vue-router' {
  interface RouteMeta {
    roles?: Role[]
  }
}

const everyone: Role[] = ['rep', 'manager', 'admin']
const managers: Role[] = ['manager', 'admin']

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: () => landingPath(auth.session) },
  { path: '/alerts', component: () => import('./alerts/AlertsPage.vue'), meta: { roles: managers } },
  { path: '/funnel', component: () => import('./funnel/FunnelPage.vue'), meta: { roles: everyone } },
  { path: '/team', component: () => import('./team/TeamPage.vue'), meta: { roles: managers } },
  { path: '/goals', component: () => import('./goals/GoalsPage.vue'), meta: { roles: everyone } },
  { path: '/customers', component: () => import('./customer/CustomersPage.vue'), meta: { roles: everyone } },
  { path: '/customers/:id', component: () => import('./customer/CustomerPage.vue'), meta: { roles: everyone }, props: true },
  { path: '/today', component: () => import('./today/TodayPage.vue'), meta: { roles: everyone } },
  { path: '/forbidden', component: () => import('./shell/ForbiddenPage.vue') },
  { path: '/:rest(.*)*', component: () => import('./shell/NotFoundPage.vue') },
]

export function makeRouter() {
  const router = createRouter({ history: createWebHistory(), routes })
  router.beforeEach(async (to) => {
    if (to.path === '/forbidden') return true
    if (!auth.session) {
      // Keycloak's login brings the visitor back to the page they asked for.
      await login(to.fullPath)
      return false
    }
    const roles = to.meta.roles
    if (roles && !auth.session.roles.some((r) => roles.includes(r))) return '/forbidden'
    return true
  })
  return router
}
