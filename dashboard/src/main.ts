import { createApp, watch } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n } from './i18n';
import { router } from './router';
import { useSessionStore } from './stores/session';
import { createApolloClient, setApolloClient } from './graphql/client';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(i18n);

const session = useSessionStore(pinia);
const apollo = createApolloClient({ token: () => session.token, expire: () => session.expire() });
setApolloClient(apollo);

// The session ended (expired, refused, signed out): forget cached data and go to sign-in.
watch(
  () => session.token,
  async (token) => {
    if (token !== null) return;
    await apollo.clearStore();
    const current = router.currentRoute.value;
    if (!current.meta.public) {
      await router.replace({
        name: 'login',
        query: session.notice === 'expired' ? { redirect: current.fullPath } : {},
      });
    }
  },
);

app.use(router);
document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
