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
   * graphql-armor's cost: every object field costs `objectCost`, every scalar `scalarCost`, and a
   * field with a literal `first: n` multiplies its subtree by n. With `depthCostFactor` 1 the result is an
   * upper bound on the values in the response (armor's default 1.5 compounds per level and would price
   * `edges { node }` 3-4 times above `nodes` for the same data). The dashboard's drill-down with
   * townships(first: 10) and about 30 fields comes to about 222,000, an analyst's three 200-row lists
   * about 35,000; 500,000 passes both with twice the headroom and refuses nesting three 200-row
   * connections (about 48 million). Armor reads literals only: a `first` given as a variable, or left at
   * its default of 20, counts as 1, so such a query is bounded by the depth limit and the 200-row page
   * cap rather than by cost.
   */
  maxCost: 500_000,
  objectCost: 2,
  scalarCost: 1,
  depthCostFactor: 1,
} as const;
