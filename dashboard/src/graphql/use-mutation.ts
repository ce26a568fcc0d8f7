import type { ErrorLike, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { apolloClient } from './client';

export interface MutationState<TData, TVariables> {
  /** Resolves to the data, or null when the mutation failed (then `error` says why). */
  mutate(variables: TVariables): Promise<TData | null>;
  loading: Ref<boolean>;
  error: ShallowRef<ErrorLike | null>;
}

export function useMutation<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
): MutationState<TData, TVariables> {
  const loading = ref(false);
  const error = shallowRef<ErrorLike | null>(null);
  return {
    loading,
    error,
    async mutate(variables) {
      loading.value = true;
      error.value = null;
      try {
        const result = await apolloClient().mutate({ mutation: document, variables });
        return (result.data as TData | undefined) ?? null;
      } catch (caught) {
        error.value = caught as ErrorLike;
        return null;
      } finally {
        loading.value = false;
      }
    },
  };
}
