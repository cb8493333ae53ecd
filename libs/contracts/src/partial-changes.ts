import { z } from 'zod';

/**
 * The shape of a partial update ("changes") from a writable schema: every field
 * optional, and no field's default filled in. zod 4's `.partial()` keeps
 * `.default()`s, so a change of one field would otherwise come with every
 * defaulted field reset (a persona's traits emptied, an inactive one re-activated).
 */
export function changesOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  ) as { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : S[K]> };
  return z.object(shape).strict();
}
