import { defineAsyncComponent } from 'vue';
import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import LoginView from '../features/auth/LoginView.vue';
import { canSee, homeFor, type ViewName } from '../utils/role-navigation';
import { useSessionStore } from '../stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** The view this route shows; its roles are in composables/role-navigation.ts. */
    view?: ViewName;
    public?: boolean;
  }
}

/** Every view but sign-in loads lazily: the first page downloads only the shell. */
const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
  {
    path: '/activate/:token',
    name: 'activate',
    component: () => import('../features/auth/ActivateView.vue'),
    props: true,
    meta: { public: true },
  },
  { path: '/', name: 'home', component: LoginView },
  {
    path: '/todo',
    name: 'clerk-home',
    component: () => import('../features/clerk/ClerkHomeView.vue'),
    // the clerk's reminders and return notices: the notifications feature's list, wired in here
    props: {
      reminders: defineAsyncComponent(() => import('../features/notifications/components/NotificationList.vue')),
    },
    meta: { view: 'clerk-home' },
  },
  {
    path: '/county',
    name: 'county-overview',
    component: () => import('../features/county/CountyOverviewView.vue'),
    meta: { view: 'county-overview' },
  },
  {
    path: '/townships',
    name: 'township-index',
    component: () => import('../features/township/TownshipIndexView.vue'),
    meta: { view: 'township-index' },
  },
  {
    path: '/townships/:id',
    name: 'township',
    component: () => import('../features/township/TownshipView.vue'),
    props: true,
    meta: { view: 'township' },
  },
  {
    path: '/township',
    name: 'own-township',
    component: () => import('../features/township/TownshipView.vue'),
    props: () => ({ id: useSessionStore().user?.townshipId ?? '' }),
    meta: { view: 'own-township' },
  },
  {
    path: '/activities/new',
    name: 'record-activity',
    component: () => import('../features/activity/RecordActivityView.vue'),
    meta: { view: 'record-activity' },
  },
  {
    path: '/reports/quarterly/:year(\\d{4})?/:quarter([1-4])?',
    name: 'quarterly-report',
    component: () => import('../features/reports/QuarterlyReportView.vue'),
    meta: { view: 'quarterly-report' },
  },
  {
    path: '/reports/status/:year(\\d{4})?',
    name: 'report-status',
    component: () => import('../features/reports/ReportStatusView.vue'),
    meta: { view: 'report-status' },
  },
  {
    path: '/deputies/:id/archive',
    name: 'deputy-archive',
    component: () => import('../features/performance/DeputyArchiveView.vue'),
    meta: { view: 'deputy-archive' },
  },
  {
    path: '/townships/:id/performance',
    name: 'performance-ranking',
    component: () => import('../features/performance/PerformanceRankingView.vue'),
    meta: { view: 'performance-ranking' },
  },
  {
    path: '/performance/scheme',
    name: 'performance-scheme',
    component: () => import('../features/performance/PerformanceSchemeView.vue'),
    meta: { view: 'performance-scheme' },
  },
  {
    path: '/explorer',
    name: 'explorer',
    component: () => import('../features/explorer/ExplorerView.vue'),
    meta: { view: 'explorer' },
  },
  {
    path: '/me',
    name: 'deputy-home',
    component: () => import('../features/deputy/DeputyHomeView.vue'),
    meta: { view: 'deputy-home' },
  },
  {
    path: '/import',
    name: 'data-import',
    component: () => import('../features/import/ImportView.vue'),
    meta: { view: 'data-import' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./NotFoundView.vue'),
    meta: { public: true },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (to) => (to.hash ? { el: to.hash } : { top: 0 }),
});

/** Signed out: to sign-in (then back). Signed in: each role only its views, township roles only their own. */
router.beforeEach((to): RouteLocationRaw | true => {
  const session = useSessionStore();
  if (to.meta.public) {
    if (to.name === 'login' && session.signedIn && session.role) return { name: homeFor(session.role) };
    return true;
  }
  if (!session.signedIn || !session.role || !session.user) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
  }
  if (to.name === 'home') return { name: homeFor(session.role) };
  const view = to.meta.view;
  if (view && !canSee(session.role, view)) {
    session.notice = 'forbidden';
    return { name: homeFor(session.role) };
  }
  if (to.name === 'township' && session.user.townshipId && to.params['id'] !== session.user.townshipId) {
    return { name: 'own-township' };
  }
  return true;
});
