import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ImportSheetKind } from '../import-sheet-kind.enum.js';

@ObjectType({ description: '导入问题 / One problem of an uploaded file, where to find it' })
export class ImportProblem {
  @Field(() => String, { nullable: true, description: 'Sheet name; null for the whole file' })
  sheet!: string | null;

  @Field(() => ImportSheetKind, { nullable: true })
  kind!: ImportSheetKind | null;

  @Field(() => Int, { nullable: true, description: 'Row number as the spreadsheet shows it (the header is row 1)' })
  row!: number | null;

  @Field(() => String, { nullable: true, description: 'Column header; null for the whole row' })
  column!: string | null;

  @Field({ description: 'Stable reason, e.g. IMPORT_UNKNOWN_STATION' })
  reason!: string;

  @Field()
  messageZh!: string;

  @Field()
  messageEn!: string;
}

@ObjectType({ description: '导入表计数' })
export class ImportSheetCount {
  @Field(() => ImportSheetKind)
  kind!: ImportSheetKind;

  @Field()
  sheet!: string;

  @Field(() => Int, { description: 'Data rows read' })
  rows!: number;

  @Field(() => Int, { description: 'Rows written (in a preview: that would be written)' })
  created!: number;

  @Field(() => Int, { description: 'Rows already present (by their natural key), left as they are' })
  unchanged!: number;
}

@ObjectType({ description: '导入预览或结果 / Preview or result of an import' })
export class ImportReportType {
  @Field()
  fileName!: string;

  @Field()
  sha256!: string;

  @Field({ description: 'false for a preview: nothing was kept' })
  committed!: boolean;

  @Field(() => ID, { nullable: true })
  importId!: string | null;

  @Field(() => [ImportSheetCount])
  sheets!: ImportSheetCount[];

  @Field(() => [ImportProblem], { description: 'Every problem; a commit needs none' })
  problems!: ImportProblem[];
}

@ObjectType({ description: '下载文件 / A file to download: an import template or a township export' })
export class ImportFile {
  @Field()
  fileName!: string;

  @Field()
  mimeType!: string;

  @Field()
  contentBase64!: string;
}
