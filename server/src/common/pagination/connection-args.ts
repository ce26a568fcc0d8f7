import { ArgsType, Field, Int } from 'type-graphql';
import { Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/** Relay forward pagination: `first` rows after the opaque `after` cursor. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `1-${MAX_PAGE_SIZE}` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true })
  after: string | null = null;
}
