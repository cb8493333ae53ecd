import { z } from 'zod';

/** Counters of an import, shared by its progress and completion events and its status query. */
export const importCountsSchema = z.object({
  rowsRead: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;
