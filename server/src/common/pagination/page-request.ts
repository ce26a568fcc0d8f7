/** The order a list is returned in; it must end with a unique column (normally `id`). */
export interface SortColumn {
  column: string;
  direction: 'asc' | 'desc';
}

export interface PageRequest {
  first: number;
  after: string | null;
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}
