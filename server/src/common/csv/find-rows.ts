type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function flatten(value: Json, prefix: string, out: Record<string, Json>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (Array.isArray(value)) {
    out[prefix] = value.map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v))).join('; ');
  } else {
    out[prefix] = value;
  }
}

/**
 * The rows to export from a GraphQL result: the first list found (a connection's `nodes`, or its
 * `edges[].node`), each row flattened into dotted columns (`township.name`).
 */
export function findRows(data: Json): Record<string, Json>[] {
  const queue: Json[] = [data];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (Array.isArray(current)) {
      const rows = current.map((item) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) && 'node' in item && 'cursor' in item
          ? item['node']!
          : item,
      );
      return rows.map((row) => {
        const out: Record<string, Json> = {};
        flatten(row, '', out);
        return out;
      });
    }
    if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      const nodes = entries.find(([key]) => key === 'nodes');
      queue.push(...(nodes ? [nodes[1]] : entries.map(([, v]) => v)));
    }
  }
  return [];
}

export type { Json };
