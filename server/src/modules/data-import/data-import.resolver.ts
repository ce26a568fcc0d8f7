import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../tenancy/request-context.js';
import { UserRole } from '../../tenancy/user-role.enum.js';
import { ImportFileInput } from './dto/import-file.input.js';
import { ImportFile, ImportReportType } from './dto/import-report.type.js';
import { ImportSheetKind } from './import-sheet-kind.enum.js';
import {
  commitImport,
  decodeContent,
  exportTownship,
  importTemplate,
  previewImport,
  type ImportFileContent,
} from './data-import.service.js';

const toFile = (file: ImportFileContent): ImportFile => ({
  fileName: file.fileName,
  mimeType: file.mimeType,
  contentBase64: file.bytes.toString('base64'),
});

const request = (input: ImportFileInput) => ({
  townshipId: input.townshipId,
  fileName: input.fileName,
  bytes: decodeContent(input.contentBase64),
});

@Resolver()
export class DataImportResolver {
  @Authorized(UserRole.TOWNSHIP_CLERK, UserRole.COUNTY_ADMIN)
  @Query(() => ImportFile, {
    description: '导入模板 / The .xlsx template (every sheet), or with `kind` that sheet’s CSV template',
  })
  async importTemplate(
    @Arg('kind', () => ImportSheetKind, { nullable: true }) kind: ImportSheetKind | null,
  ): Promise<ImportFile> {
    return toFile(await importTemplate(kind ?? null));
  }

  @Authorized(UserRole.TOWNSHIP_CLERK, UserRole.COUNTY_ADMIN)
  @Query(() => ImportFile, { description: '导出乡镇数据 / The township’s data as a workbook in the templates’ layout' })
  async exportTownship(
    @Arg('townshipId', () => ID) townshipId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportFile> {
    return toFile(await exportTownship(ctx, townshipId));
  }

  @Authorized(UserRole.TOWNSHIP_CLERK, UserRole.COUNTY_ADMIN)
  @Mutation(() => ImportReportType, { description: '导入预览 / Every problem of the file; nothing is kept' })
  previewImport(@Arg('input', () => ImportFileInput) input: ImportFileInput, @Ctx() ctx: RequestContext) {
    return previewImport(ctx, request(input));
  }

  @Authorized(UserRole.TOWNSHIP_CLERK, UserRole.COUNTY_ADMIN)
  @Mutation(() => ImportReportType, {
    description: '导入 / Writes the file whole or not at all (IMPORT_HAS_PROBLEMS lists every problem)',
  })
  commitImport(@Arg('input', () => ImportFileInput) input: ImportFileInput, @Ctx() ctx: RequestContext) {
    return commitImport(ctx, request(input));
  }
}
