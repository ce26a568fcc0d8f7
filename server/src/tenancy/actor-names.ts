import type { RequestContext } from './request-context.js';

export interface ActorName {
  displayName: string;
  /** The id is an API token's (a township system submitting by script), not a person's. */
  apiToken: boolean;
}

/**
 * Display names of the people (or API tokens) behind ids stamped on rows (`submitted_by`, `reviewed_by`).
 * `app_user` is readable only by its owner and the county admin, so the names come from the SECURITY
 * DEFINER function `renda_actor_names` (migration `report_events_and_notifications`): display names only,
 * and only of the caller's county. One statement per request for every id asked.
 */
export function actorNames(ctx: RequestContext) {
  return ctx.loaders.custom<ActorName | null>('actorNames', async (ids) => {
    // The ids are UUIDs from our own rows; passed as one text parameter and split in SQL.
    const rows = await ctx.em.execute<{ id: string; display_name: string; api_token: boolean }[]>(
      `select id, display_name, api_token from renda_actor_names(string_to_array(?, ',')::uuid[])`,
      [ids.join(',')],
    );
    const byId = new Map(rows.map((r) => [r.id, { displayName: r.display_name, apiToken: r.api_token }]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
