import type { ErrorLike, OperationVariables, TypedDocumentNode, WatchQueryFetchPolicy } from '@apollo/client';
import type { Subscription } from 'rxjs';
import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref, type ShallowRef } from 'vue';
import { apolloClient } from './client';

export interface QueryState<TData> {
  data: ShallowRef<TData | undefined>;
  error: ShallowRef<ErrorLike | null>;
  loading: Ref<boolean>;
  refetch(): Promise<void>;
}

/**
 * A query as Vue state, over Apollo's watchQuery: re-runs when the variables change, follows the cache,
 * stops with the component. Variables `null` skip the query (e.g. until a township is chosen).
 */
export function useQuery<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: MaybeRefOrGetter<TVariables | null>,
  options: { fetchPolicy?: WatchQueryFetchPolicy } = {},
): QueryState<TData> {
  const data = shallowRef<TData | undefined>(undefined);
  const error = shallowRef<ErrorLike | null>(null);
  const loading = ref(false);
  let subscription: Subscription | null = null;
  let refetcher: (() => Promise<unknown>) | null = null;

  watch(
    () => JSON.stringify(toValue(variables)),
    () => {
      subscription?.unsubscribe();
      subscription = null;
      const vars = toValue(variables);
      if (vars === null) {
        loading.value = false;
        return;
      }
      loading.value = true;
      error.value = null;
      const observable = apolloClient().watchQuery({
        query: document,
        variables: vars,
        fetchPolicy: options.fetchPolicy ?? 'cache-and-network',
        notifyOnNetworkStatusChange: true,
      });
      refetcher = () => observable.refetch();
      subscription = observable.subscribe((result) => {
        if (result.data !== undefined && result.dataState === 'complete') data.value = result.data as TData;
        error.value = result.error ?? null;
        loading.value = result.loading;
      });
    },
    { immediate: true },
  );

  onScopeDispose(() => subscription?.unsubscribe());

  return {
    data,
    error,
    loading,
    async refetch() {
      if (!refetcher) return;
      try {
        await refetcher();
      } catch {
        // the subscription reports the error
      }
    },
  };
}
