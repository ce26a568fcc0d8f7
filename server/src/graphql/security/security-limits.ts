/**
 * The numbers behind the GraphQL hardening. Each is set from real query shapes, not from a library's
 * defaults: the dashboard's drill-down (townships → deputies(first: 50) → activities(first: 20) →
 * participants → deputy, about 30 fields) and an analyst's hand-written cross-county queries must pass
 * with room to spare, while an attacker's deep, aliased or oversized document is refused before it runs.
 */
export const SECURITY_LIMITS = {
  /**
   * Field nesting, counted from the root field (1) to the deepest leaf. The dashboard's drill-down is 9
   * levels through `nodes` and 12 through Relay `edges { node }`, since every connection adds one or two
   * levels of its own; 12 lets both forms pass and an analyst's depth-8 query too. Deeper documents only
   * come from walking the relation cycles (deputy → township → deputies → …), which no screen needs.
   */
  maxDepth: 12,
  /**
   * Aliased fields per operation (`__typename` aliases are not counted). An analyst compares a few
   * townships or periods side by side with aliases; 15 covers that, while an alias bomb (the same costly
   * field repeated under hundreds of names to multiply one request's work) is refused.
   */
  maxAliases: 15,
  /**
   * Directives per operation. Only @include/@skip make sense in a read query, one per optional
   * panel; 10 is above what one screen toggles, and directive floods (thousands on one field) are refused.
   */
  maxDirectives: 10,
  /**
   * Lexical tokens per document, enforced by graphql-js's own parser so an oversized document is
   * abandoned while it is being parsed, before any validation runs. The dashboard's drill-down is under
   * 100 tokens, the full introspection query under 200, an analyst's three-list comparison about 150;
   * 3,000 leaves a wide margin for hand-written queries with fragments, while the floods behind alias and
   * directive bombs run to tens of thousands. (The HTTP body is separately capped at 1 MB.)
   */
  maxTokens: 3000,
  /**
   * Cost: every object field costs `objectCost`, every scalar `scalarCost`, and a field that takes
   * `first` multiplies its subtree by the page size it will really use: a literal, a variable's value or
   * the default of 20 when omitted (computed on the coerced arguments, `operation-cost.ts`). With
   * `depthCostFactor` 1 the result is an upper bound on the values in the response (a compounding factor
   * would price `edges { node }` 3-4 times above `nodes` for the same data). The dashboard's drill-down
   * with townships(first: 10) and about 30 fields comes to about 222,000, an analyst's three 200-row
   * lists about 35,000; 500,000 passes both with twice the headroom and refuses nesting three 200-row
   * connections (about 48 million) however `first` is written. The numbers are the ones graphql-armor's
   * cost rule used before, which read literal `first` only and let `first: $n` count as 1.
   */
  maxCost: 500_000,
  /**
   * Cost of all operations running at once in one server process; more wait (first come, first served)
   * before they open a transaction. One drill-down (cost about 222,000) makes the process hold about
   * 30 MB while it runs: eight at once took a 160 MB process to 385 MB, close to the 400 MB a pod is
   * given. 1,000,000 lets four drill-downs, or two queries at the cost limit, run side by side, and
   * thousands of the dashboard's ordinary queries (cost in the hundreds) are never held back.
   */
  maxCostInFlight: 1_000_000,
  objectCost: 2,
  scalarCost: 1,
  depthCostFactor: 1,
  /**
   * Bytes of one query's JSON response. The cost limit bounds the number of values, not their length (an
   * outcome may be 5,000 characters): this bounds what one request can make the server hold and send.
   * The dashboard's drill-down is about 1 MB and an analyst's export of 200-row lists well under that;
   * 16 MB is a full county's worth of any list the screens show, while a response the cost limit lets
   * through only by being wide (long texts in every row) is refused with a coded error.
   */
  maxResponseBytes: 16 * 1024 * 1024,
} as const;
