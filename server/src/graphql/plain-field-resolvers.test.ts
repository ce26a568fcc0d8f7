import 'reflect-metadata';
import { graphql, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import {
  Arg,
  Authorized,
  buildSchema,
  Field,
  FieldResolver,
  ObjectType,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';
import { usePlainFieldResolvers } from './plain-field-resolvers.js';

@ObjectType()
class Sample {
  @Field()
  plain!: string;

  @Authorized('ADMIN')
  @Field()
  guarded!: string;

  @UseMiddleware(async (_data, next) => `${String(await next())}!`)
  @Field()
  shouted!: string;

  @Field()
  computed!: string;
}

@Resolver(() => Sample)
class SampleResolver {
  @Query(() => Sample)
  sample(@Arg('id') id: string): Sample {
    return Object.assign(new Sample(), { plain: `p${id}`, guarded: 'secret', shouted: 'hi', computed: 'raw' });
  }

  @FieldResolver(() => String)
  computed(@Root() sample: Sample): string {
    return `${sample.computed}+`;
  }
}

/**
 * Plain fields go to graphql-js's default resolver; a field with anything else to do (authorization,
 * middleware, a field resolver) keeps type-graphql's, and still does it.
 */
describe('plain field resolvers', () => {
  let schema: GraphQLSchema;
  let plain: number;
  beforeAll(async () => {
    schema = await buildSchema({ resolvers: [SampleResolver], authChecker: () => false, authMode: 'error' });
    plain = usePlainFieldResolvers(schema);
  });

  it('leaves only the plain property to the default resolver', () => {
    const fields = (schema.getType('Sample') as GraphQLObjectType).getFields();
    expect(fields['plain']!.resolve).toBeUndefined();
    expect(fields['guarded']!.resolve).toBeDefined();
    expect(fields['shouted']!.resolve).toBeDefined();
    expect(fields['computed']!.resolve).toBeDefined();
    expect(plain).toBe(1);
  });

  it('still authorises, runs middlewares and field resolvers', async () => {
    const read = (selection: string) => graphql({ schema, source: `{ sample(id: "1") { ${selection} } }` });
    expect((await read('plain shouted computed')).data).toEqual({
      sample: { plain: 'p1', shouted: 'hi!', computed: 'raw+' },
    });
    const refused = await read('guarded');
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.message).toMatch(/access denied/i);
  });
});
