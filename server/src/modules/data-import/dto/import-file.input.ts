import { Field, ID, InputType } from 'type-graphql';
import { SingleLineText } from '../../../common/validation/single-line-text.js';

@InputType({
  description: '上传的导入文件 / An uploaded .xlsx or .csv file, base64-encoded (the request body may hold 1 MB)',
})
export class ImportFileInput {
  @Field(() => ID, {
    description: 'The township the rows belong to: a clerk’s own, or for a county admin any of the county',
  })
  townshipId!: string;

  @Field({
    description:
      'The file’s name as uploaded (recorded with the import; a CSV named after a sheet is read as that sheet)',
  })
  @SingleLineText(255)
  fileName!: string;

  @Field({ description: 'The file’s bytes, base64' })
  contentBase64!: string;
}
