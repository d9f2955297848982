import { z } from 'zod';

/**
 * Text without NUL characters. PostgreSQL cannot store or compare a NUL in text, and no
 * comment, URL or search term needs one: refusing it here gives the caller a 400 naming the
 * field on every database, where it used to be a 500 on PostgreSQL only.
 */
export function withoutNul(schema: z.ZodString = z.string()): z.ZodString {
  return schema.refine(value => !value.includes('\u0000'), {
    message: 'must not contain a NUL character (\\u0000)',
  });
}
