import { InputError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

/** The largest JSON body the routes accept (`express.json`'s `limit`). */
export const JSON_BODY_LIMIT = '100kb';

const JSON_HINT =
  'Send one JSON object with Content-Type: application/json, e.g. {"comment": "…", "expectedVersion": 0}';

/**
 * Turns the errors Express and its body parser raise before a route runs into 4xx that say
 * what is wrong and how to fix it: their own messages ("Unexpected end of JSON input",
 * "Failed to decode param '%E0%A4%A'") name neither the part of the request nor the remedy.
 * Every other error passes through unchanged.
 */
export const describeRequestErrors: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  next(describe(error));
};

function describe(error: unknown): unknown {
  if (!error || typeof error !== 'object') {
    return error;
  }
  const { type, message } = error as { type?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  switch (type) {
    case 'entity.parse.failed':
      return new InputError(
        `Invalid request body: it is not valid JSON (${text}). ${JSON_HINT}.`,
      );
    case 'entity.too.large':
      // Stays a 413, the status the parser chose; only the words change.
      return Object.assign(
        new Error(
          `Invalid request body: it is larger than ${JSON_BODY_LIMIT}. Comments and justifications are at most 2000 characters.`,
        ),
        { name: 'PayloadTooLargeError', status: 413, statusCode: 413 },
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new InputError(
        `Invalid request body: ${text}. Send it as UTF-8 without Content-Encoding.`,
      );
    default:
  }
  const param = /^Failed to decode param '(.*)'$/s.exec(text);
  if (param || error instanceof URIError) {
    return new InputError(
      `Invalid path: ${
        param ? `"${param[1]}"` : 'a segment'
      } is not valid percent-encoding. Write each reserved or non-ASCII character as the %XX bytes of its UTF-8 encoding (a space is %20, "é" is %C3%A9).`,
    );
  }
  return error;
}
