import type { EntityManager } from '@mikro-orm/postgresql';
import { assertUuid } from '../../common/ids/assert-uuid.js';
import { accessErrors } from '../../tenancy/access.errors.js';
import type { RequestContext } from '../../tenancy/request-context.js';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { Township } from '../township/township.entity.js';
import { DataImport } from './data-import.entity.js';
import { dataImportErrors } from './data-import.errors.js';
import { readTownshipSheets } from './export-township.js';
import { IMPORT_SHEETS } from './import-columns.js';
import type { ImportSheetKind } from './import-sheet-kind.enum.js';
import { ImportRunner, type ImportOutcome } from './import-runner.js';
import { writeCsv, writeWorkbook } from './write-workbook.js';

export interface ImportRequest {
  townshipId: string;
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportReport extends ImportOutcome {
  committed: boolean;
  /** The data_import row of a committed import. */
  importId: string | null;
}

export interface ImportFileContent {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOWNSHIP = { zh: '乡镇', en: 'township' };
const TOWNSHIP_FIELD = ['input', 'townshipId'];

/**
 * The import's plain API, for the GraphQL resolver and the `renda import` / `renda export` commands
 * alike. Each function takes a RequestContext whose EntityManager is inside a transaction carrying the
 * caller's identity (the request transaction, or one the CLI opens with applyIdentity).
 */

/** Every problem of the file, by sheet, row and column; nothing is kept (the writes run in a savepoint rolled back). */
export async function previewImport(ctx: RequestContext, request: ImportRequest): Promise<ImportReport> {
  const scope = await importScope(ctx, request.townshipId, TOWNSHIP_FIELD);
  await ctx.em.execute('savepoint renda_import_preview');
  try {
    const outcome = await new ImportRunner(ctx.em, scope, request.fileName).run(request.bytes);
    return { ...outcome, committed: false, importId: null };
  } finally {
    await ctx.em.execute('rollback to savepoint renda_import_preview');
  }
}

/**
 * Writes the file whole or not at all: with any problem it throws IMPORT_HAS_PROBLEMS (listing them all)
 * and the caller's transaction rolls back. Imports of one township queue on a transaction-scoped
 * advisory lock, so two identical imports at once end as one: the second finds every row present.
 */
export async function commitImport(ctx: RequestContext, request: ImportRequest): Promise<ImportReport> {
  const scope = await importScope(ctx, request.townshipId, TOWNSHIP_FIELD);
  await ctx.em.execute(`select pg_advisory_xact_lock(hashtextextended('renda.import:' || ?, 0))`, [scope.townshipId]);
  const outcome = await new ImportRunner(ctx.em, scope, request.fileName).run(request.bytes);
  if (outcome.problems.length > 0) throw dataImportErrors.hasProblems(outcome.problems.length, outcome.problems);
  const record = Object.assign(new DataImport(), {
    ...tenantRefs(scope),
    fileName: request.fileName.slice(0, 255),
    fileSha256: outcome.sha256,
    importedBy: scope.identity.userId,
    rowCount: outcome.sheets.reduce((sum, sheet) => sum + sheet.rows, 0),
    createdCount: outcome.sheets.reduce((sum, sheet) => sum + sheet.created, 0),
    unchangedCount: outcome.sheets.reduce((sum, sheet) => sum + sheet.unchanged, 0),
    sheets: outcome.sheets,
  });
  await ctx.em.fork({ keepTransactionContext: true, clear: true }).persist(record).flush();
  return { ...outcome, committed: true, importId: record.id };
}

/** The township's data as one workbook in the templates' layout, for its archive or another township. */
export async function exportTownship(ctx: RequestContext, townshipId: string): Promise<ImportFileContent> {
  const township = await visibleTownship(ctx, townshipId, ['townshipId']);
  const bytes = await writeWorkbook(await readTownshipSheets(ctx.em, township.id));
  return { fileName: `${township.name}-导出-${new Date().toISOString().slice(0, 10)}.xlsx`, mimeType: XLSX, bytes };
}

/** The workbook template (every sheet), or one sheet's CSV template. */
export async function importTemplate(kind: ImportSheetKind | null): Promise<ImportFileContent> {
  if (kind === null) return { fileName: 'renda-导入模板.xlsx', mimeType: XLSX, bytes: await writeWorkbook(null) };
  const sheet = IMPORT_SHEETS.find((candidate) => candidate.kind === kind)!;
  return { fileName: `${sheet.name}.csv`, mimeType: 'text/csv; charset=utf-8', bytes: writeCsv(sheet, null) };
}

/** The file's bytes from the GraphQL argument, refused when it is not base64. */
export function decodeContent(base64: string): Uint8Array {
  const compact = base64.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw dataImportErrors.notBase64();
  return Buffer.from(compact, 'base64');
}

/**
 * Whose rows the import writes. A clerk imports into the own township only (another id is refused as
 * not found, whatever rows the file names: names are looked up in that township alone). A county admin
 * imports into any township of the county: row-level security lets only a township's clerk write its
 * rows, so for this transaction the admin acts as that township's clerk (the audit rows keep the admin's
 * user id; `data_import.imported_by` names the admin).
 */
async function importScope(ctx: RequestContext, townshipId: string, field: string[]): Promise<TownshipScope> {
  const identity = ctx.identity;
  if (!identity) throw accessErrors.notSignedIn();
  const township = await visibleTownship(ctx, townshipId, field);
  if (identity.role === UserRole.COUNTY_ADMIN) await actAsClerk(ctx.em, township.id);
  return { identity, townshipId: township.id, countyId: identity.countyId };
}

async function visibleTownship(ctx: RequestContext, townshipId: string, field: string[]): Promise<Township> {
  const identity = ctx.identity;
  if (!identity) throw accessErrors.notSignedIn();
  assertUuid(townshipId, field);
  const own =
    identity.role === UserRole.TOWNSHIP_CLERK
      ? identity.townshipId === townshipId
      : identity.role === UserRole.COUNTY_ADMIN;
  // Row-level security shows a county admin the county's townships only.
  const township = own ? await ctx.em.findOne(Township, { id: townshipId, county: identity.countyId }) : null;
  if (!township || township.county.id !== identity.countyId)
    throw accessErrors.notInTownship(field, TOWNSHIP, townshipId);
  return township;
}

async function actAsClerk(em: EntityManager, townshipId: string): Promise<void> {
  await em.execute(
    `select set_config('renda.role', 'TOWNSHIP_CLERK', true), set_config('renda.township_id', ?, true), renda_share_settings()`,
    [townshipId],
  );
}
