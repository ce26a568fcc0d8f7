import type { GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';

/**
 * What a check concluded about one parsed operation with given variables, remembered: the cost verdicts
 * (security/cost-limit-plugin.ts) and the passed input checks (input-hygiene-plugin.ts) are functions of
 * the schema, the parsed document and the variables alone, and a dashboard sends the same few documents
 * with the same variables all day. Apollo hands the same AST node for a query text it has parsed before;
 * a node it forgets is forgotten here too (WeakMap), and a schema change starts afresh. The key (the
 * variables' canonical JSON, with whatever else the check depends on) is the caller's: a verdict for
 * `first: 10` must never answer `first: 100000`.
 */
export class OperationMemo<V extends object | boolean> {
  private readonly byNode = new WeakMap<object, { schema: GraphQLSchema; values: LRUCache<string, V> }>();

  /** At most `perNode` variable sets are remembered per parsed document or operation. */
  constructor(private readonly perNode = 64) {}

  get(schema: GraphQLSchema, node: object, key: string): V | undefined {
    const entry = this.byNode.get(node);
    return entry && entry.schema === schema ? entry.values.get(key) : undefined;
  }

  set(schema: GraphQLSchema, node: object, key: string, value: V): void {
    let entry = this.byNode.get(node);
    if (!entry || entry.schema !== schema) {
      entry = { schema, values: new LRUCache<string, V>({ max: this.perNode }) };
      this.byNode.set(node, entry);
    }
    entry.values.set(key, value);
  }
}
