import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { UserRole } from '../graphql/generated/schema-enums';

export interface SessionUser {
  id: string;
  login: string;
  displayName: string;
  role: UserRole;
  countyId: string;
  townshipId: string | null;
  /** Set for the DEPUTY role: the deputy this user is. */
  deputyId: string | null;
  township: { id: string; name: string; nameEn: string } | null;
}

/** Why the user is on the sign-in page: shown there as a message. */
export type SessionNotice = 'expired' | 'signedOut' | 'forbidden';

interface StoredSession {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const STORAGE_KEY = 'renda.session';

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredSession;
    if (typeof parsed.token !== 'string' || Date.parse(parsed.expiresAt) <= Date.now()) return null;
    return parsed;
  } catch {
    return null;
  }
}

/**
 * The signed-in user: the token lives in memory and in sessionStorage (this tab only, gone when it
 * closes), and the session ends by itself at `expiresAt` or when the server answers UNAUTHENTICATED.
 */
export const useSessionStore = defineStore('session', () => {
  const stored = readStored();
  const token = ref<string | null>(stored?.token ?? null);
  const expiresAt = ref<string | null>(stored?.expiresAt ?? null);
  const user = shallowRef<SessionUser | null>(stored?.user ?? null);
  const notice = ref<SessionNotice | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;

  const signedIn = computed(() => token.value !== null && user.value !== null);
  const role = computed<UserRole | null>(() => user.value?.role ?? null);

  function clear(reason: SessionNotice | null): void {
    if (timer) clearTimeout(timer);
    timer = null;
    token.value = null;
    expiresAt.value = null;
    user.value = null;
    notice.value = reason;
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage disabled: nothing was kept
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    if (!expiresAt.value) return;
    // setTimeout holds at most ~24.8 days; tokens live hours
    const delay = Math.min(Date.parse(expiresAt.value) - Date.now(), 2 ** 31 - 1);
    timer = setTimeout(() => expire(), Math.max(0, delay));
  }

  function signIn(session: StoredSession): void {
    token.value = session.token;
    expiresAt.value = session.expiresAt;
    user.value = session.user;
    notice.value = null;
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // storage disabled: the session lasts as long as the page
    }
    schedule();
  }

  function signOut(): void {
    clear('signedOut');
  }

  /** The token expired or was refused: back to the sign-in page with a message. */
  function expire(): void {
    if (token.value !== null) clear('expired');
  }

  schedule();
  return { token, expiresAt, user, notice, signedIn, role, signIn, signOut, expire };
});
