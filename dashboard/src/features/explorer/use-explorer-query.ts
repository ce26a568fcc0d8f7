import { computed, ref, shallowRef } from 'vue';
import { EXAMPLES, parseVariables, type ExampleName } from './explorer-examples';
import { rawGraphQL, type RawResult } from './raw-request';

/**
 * The query being edited and its last run, shared by the explorer's three parts: the runner edits it,
 * saved queries store and load it, the result panel shows (and exports) what it returned.
 */
export function useExplorerQuery(send: typeof rawGraphQL = rawGraphQL) {
  const query = ref<string>(EXAMPLES.townships.query);
  const variablesText = ref('');
  const name = ref('');
  const variables = computed(() => parseVariables(variablesText.value));
  const running = ref(false);
  const result = shallowRef<RawResult | null>(null);
  const runError = shallowRef<unknown>(null);

  async function run(): Promise<void> {
    const vars = variables.value;
    if (!vars.ok || running.value || query.value.trim() === '') return;
    running.value = true;
    runError.value = null;
    try {
      result.value = await send(query.value, vars.value);
    } catch (error) {
      result.value = null;
      runError.value = error;
    } finally {
      running.value = false;
    }
  }

  /** Puts a query in the editor (an example, a saved query); it runs when the analyst says so. */
  function load(next: { query: string; variablesText: string; name: string }): void {
    query.value = next.query;
    variablesText.value = next.variablesText;
    name.value = next.name;
  }

  function loadExample(example: ExampleName): void {
    load({ query: EXAMPLES[example].query, variablesText: EXAMPLES[example].variables, name: example });
  }

  return { query, variablesText, name, variables, running, result, runError, run, load, loadExample };
}
