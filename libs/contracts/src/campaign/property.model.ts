import { z } from 'zod';
import { PROPERTY_TYPES } from '../lead/lead.model';

export const AVAILABILITY = ['available', 'reserved', 'sold'] as const;

export const propertySchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  name: z.string(),
  type: z.enum(PROPERTY_TYPES),
  location: z.string(),
  priceMinInr: z.number(),
  priceMaxInr: z.number(),
  amenities: z.array(z.string()),
  specifications: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  availability: z.enum(AVAILABILITY),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
});
export type Property = z.infer<typeof propertySchema>;

const inr = z.number().int().positive().max(1e13);

export const propertyWritableSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    type: z.enum(PROPERTY_TYPES),
    location: z.string().trim().min(1, 'is required').max(200),
    priceMinInr: inr,
    priceMaxInr: inr,
    amenities: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    specifications: z
      .record(z.string().min(1).max(60), z.union([z.string().max(500), z.number(), z.boolean()]))
      .refine((s) => Object.keys(s).length <= 50, 'must have at most 50 entries')
      .default({}),
    availability: z.enum(AVAILABILITY).default('available'),
  })
  .strict()
  .refine((p) => p.priceMinInr <= p.priceMaxInr, { message: 'priceMinInr must not exceed priceMaxInr', path: ['priceMinInr'] });
export type PropertyWritable = z.infer<typeof propertyWritableSchema>;

/** A property matched to a lead, with why. */
export const propertyMatchSchema = z.object({
  property: propertySchema,
  score: z.number().int().min(0).max(100),
  reasons: z.array(z.string()),
});
