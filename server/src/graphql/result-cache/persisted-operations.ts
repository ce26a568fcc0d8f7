import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Request, RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import { sendHttpError } from '../../http/http-error-body.js';
import { httpErrors } from '../../http/http.errors.js';
import type { AppError } from '../../common/errors/app-error.js';

/** The file the dashboard's build writes next to its assets (dashboard/scripts/persisted-operations.js). */
export const MANIFEST_FILE = 'persisted-query-manifest.json';

/** Apollo's persisted query manifest format (`apollo-persisted-query-manifest`, version 1). */
interface PersistedQueryManifest {
  format: string;
  version: number;
  operations: { id: string; name: string; type: string; body: string }[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The dashboard's registered operations, sha256 of the document → document, read once from the built
 * dashboard's manifest. No manifest (the dashboard not built): no registered operations, and every
 * client sends full documents. An entry whose id is not its body's hash stops the start: a hash must
 * name exactly one document.
 */
export function loadPersistedOperations(dashboardDir: string): Map<string, string> {
  const file = join(dashboardDir, MANIFEST_FILE);
  const operations = new Map<string, string>();
  if (!existsSync(file)) return operations;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as PersistedQueryManifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) {
    throw new Error(`${file}: not an apollo-persisted-query-manifest, version 1`);
  }
  for (const { id, name, body } of manifest.operations) {
    if (id !== sha256(body)) throw new Error(`${file}: the id of ${name} is not the sha256 of its body`);
    operations.set(id, body);
  }
  return operations;
}

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Resolution =
  { kind: 'none' } | { kind: 'invalid' } | { kind: 'unknown'; hash: string } | { kind: 'found'; body: string };

function resolve(
  operations: ReadonlyMap<string, string>,
  extensions: Record<string, unknown>,
  hasQuery: boolean,
): Resolution {
  if (!('persistedQuery' in extensions)) return { kind: 'none' };
  const reference = extensions['persistedQuery'] as PersistedQueryExtension;
  // the reference is consumed here: Apollo's own automatic persisted queries stay off
  delete extensions['persistedQuery'];
  // a full document wins over its hash: unregistered documents are allowed (analysts, the explorer)
  if (hasQuery) return { kind: 'none' };
  if (!isObject(reference) || reference.version !== 1 || typeof reference.sha256Hash !== 'string') {
    return { kind: 'invalid' };
  }
  if (!SHA256_HEX.test(reference.sha256Hash)) return { kind: 'invalid' };
  const body = operations.get(reference.sha256Hash);
  return body === undefined ? { kind: 'unknown', hash: reference.sha256Hash } : { kind: 'found', body };
}

/** A GET's resolution and the URL Apollo then reads, remembered per request URL (see below). */
interface ResolvedGet {
  resolution: Resolution;
  url: string;
}

/** URLs longer than this are resolved every time: the dashboard's are a hash and a few variables. */
const MEMO_URL_LENGTH = 2048;

function resolveGet(operations: ReadonlyMap<string, string>, req: Request): ResolvedGet {
  const url = new URL(req.url, 'http://localhost');
  const raw = url.searchParams.get('extensions');
  const untouched = { resolution: { kind: 'none' } as const, url: req.url };
  if (raw === null) return untouched;
  let extensions: unknown;
  try {
    extensions = JSON.parse(raw);
  } catch {
    return untouched; // Apollo answers malformed extensions itself
  }
  if (!isObject(extensions)) return untouched;
  const resolution = resolve(operations, extensions, url.searchParams.has('query'));
  if (resolution.kind === 'found') url.searchParams.set('query', resolution.body);
  if (Object.keys(extensions).length > 0) url.searchParams.set('extensions', JSON.stringify(extensions));
  else url.searchParams.delete('extensions');
  // Apollo reads a GET's parameters from req.url (the path is relative to the /graphql mount)
  return { resolution, url: `${url.pathname}${url.search}` };
}

function resolvePost(operations: ReadonlyMap<string, string>, body: unknown): Resolution {
  if (!isObject(body) || !isObject(body['extensions'])) return { kind: 'none' };
  const resolution = resolve(operations, body['extensions'], typeof body['query'] === 'string');
  if (resolution.kind === 'found') body['query'] = resolution.body;
  return resolution;
}

/** What a resolution leaves to answer: nothing (the request goes on) or a refusal. */
function refusalOf(resolution: Resolution): { status: number; error: AppError } | null {
  if (resolution.kind === 'invalid') return { status: 400, error: httpErrors.persistedQueryInvalid() };
  if (resolution.kind === 'unknown') return { status: 404, error: httpErrors.persistedQueryNotFound(resolution.hash) };
  return null;
}

/**
 * A POST body's persisted operation, resolved in place (its `query` set to the registered document); a
 * refusal when the reference is invalid or unknown. For the GraphQL fast path, which parses bodies itself.
 */
export function resolvePersistedPost(
  operations: ReadonlyMap<string, string>,
  body: unknown,
): { status: number; error: AppError } | null {
  return refusalOf(resolvePost(operations, body));
}

/**
 * Persisted operations at /graphql: a request naming a registered document by its hash
 * (`extensions.persistedQuery.sha256Hash`, Apollo's wire format, by GET or POST) runs that document; an
 * unknown hash is refused with 404 `PERSISTED_QUERY_NOT_FOUND` (the dashboard then sends the full
 * document); a request with a document runs it, registered or not.
 */
export function persistedOperationsMiddleware(operations: ReadonlyMap<string, string>): RequestHandler {
  // A dashboard sends the same few GET URLs all day; parsing and rebuilding each was a visible share of
  // a cached answer's cost. The resolution is a function of the URL and the fixed manifest alone.
  const resolvedGets = new LRUCache<string, ResolvedGet>({ max: 512 });
  const get = (req: Request): Resolution => {
    let resolved = resolvedGets.get(req.url);
    if (!resolved) {
      resolved = resolveGet(operations, req);
      if (req.url.length <= MEMO_URL_LENGTH) resolvedGets.set(req.url, resolved);
    }
    req.url = resolved.url;
    return resolved.resolution;
  };
  return (req, res, next) => {
    const refusal = refusalOf(req.method === 'GET' ? get(req) : resolvePost(operations, req.body));
    if (refusal) return sendHttpError(res, refusal.status, refusal.error);
    next();
  };
}
