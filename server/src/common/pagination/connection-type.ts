import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.js';
import type { Page } from './page-request.js';

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds the Relay `XConnection`/`XEdge` pair for a node type. `nodes` is offered beside `edges`
 * because dashboards rarely need per-row cursors.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string = nodeType.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return Connection;
}

/**
 * Edges and cursors are built when read: a nested query of ~9,000 rows through `nodes` would
 * otherwise allocate an edge and encode a cursor per row that nobody asked for.
 */
export function toConnection<T>(page: Page<T>): ConnectionShape<T> {
  let edges: { cursor: string; node: T }[] | undefined;
  return {
    get edges() {
      edges ??= page.items.map((node, i) => ({ node, cursor: page.cursors[i]! }));
      return edges;
    },
    nodes: page.items,
    // read when selected only: a page may not have counted its rows (fetchPages' `countTotal`)
    get totalCount() {
      return page.totalCount;
    },
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get startCursor() {
        return page.cursors[0] ?? null;
      },
      get endCursor() {
        return page.cursors.at(-1) ?? null;
      },
    },
  };
}
