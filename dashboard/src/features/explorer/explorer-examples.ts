import type { MessageSchema } from '../../i18n/zh-CN';

/** Example queries the analyst can start from (buttons above the editor). */
export const EXAMPLES = {
  townships: {
    query: `{
  townships(first: 20) {
    nodes {
      name
      deputies(first: 1) { totalCount }
      suggestions(first: 1) { totalCount }
    }
  }
}`,
    variables: '',
  },
  suggestions: {
    query: `query CompletedSuggestions($states: [SuggestionState!]) {
  suggestions(first: 100, filter: { states: $states }) {
    totalCount
    nodes { title state outcomeClass submittedOn completedOn township { name } }
  }
}`,
    variables: '{ "states": ["COMPLETED"] }',
  },
  figures: {
    query: `{
  periodFigures(first: 100) {
    nodes { township { name } metricKey periodKind year value qualifier provenance }
  }
}`,
    variables: '',
  },
} as const;
export type ExampleName = keyof typeof EXAMPLES;

type ExplorerKey<K extends keyof MessageSchema['explorer'] & string> = `explorer.${K}`;

/** Each example's button label, checked against zh-CN.ts (an example without one fails vue-tsc). */
export const EXAMPLE_LABEL = {
  townships: 'explorer.example.townships',
  suggestions: 'explorer.example.suggestions',
  figures: 'explorer.example.figures',
} as const satisfies Record<ExampleName, `explorer.example.${keyof MessageSchema['explorer']['example'] & string}`>;

export type ResultView = 'table' | 'chart' | 'raw';
export const RESULT_VIEWS: readonly ResultView[] = ['table', 'chart', 'raw'];
/** The label of each result tab. */
export const RESULT_VIEW_LABEL = {
  table: 'explorer.table',
  chart: 'explorer.chart',
  raw: 'explorer.raw',
} as const satisfies { [V in ResultView]: ExplorerKey<V> };

/** The variables box: empty is no variables, else a JSON object (anything else cannot be run). */
export type ParsedVariables = { ok: true; value: Record<string, unknown> | null } | { ok: false };

export function parseVariables(text: string): ParsedVariables {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? { ok: true, value: parsed as Record<string, unknown> }
      : { ok: false };
  } catch {
    return { ok: false };
  }
}
