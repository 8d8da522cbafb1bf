import * as v from 'valibot';

/** Small building blocks for inbox and args schemas that every actor uses. */
export const int = (): v.SchemaWithPipe<readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>]> =>
  v.pipe(v.number(), v.integer());

export const nat = (): v.SchemaWithPipe<
  readonly [v.NumberSchema<undefined>, v.IntegerAction<number, undefined>, v.MinValueAction<number, 0, undefined>]
> => v.pipe(v.number(), v.integer(), v.minValue(0));


