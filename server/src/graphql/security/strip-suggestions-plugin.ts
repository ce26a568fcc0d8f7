import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * graphql-js always appends its hints at the end of a message: ` Did you mean "name"?`, ` Did you mean
 * the enum value "STUDY"?`, ` Did you mean to use an inline fragment on "Deputy"?`. Cutting from the
 * first "Did you mean" also drops any such text a caller smuggled into an echoed value.
 */
const SUGGESTION = / ?Did you mean [\s\S]*$/;

/**
 * Production only: "Did you mean" hints let a caller without introspection rebuild the schema field by
 * field, so they are cut from every error (validation and variable coercion alike) before formatting.
 */
export function stripSuggestionsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
