import { InputError } from '@backstage/errors';

/** The position after the last row of a page, for keyset pagination. */
export interface PageCursor {
  /** The sort and direction the cursor was made for; a cursor is only valid for those. */
  sort: string;
  order: 'asc' | 'desc';
  /** The sort value of the last row (already normalised, e.g. nulls replaced). */
  value: string | number;
  /** The entity ref of the last row: the tie-breaker. */
  entityRef: string;
}

/**
 * What a sort's cursor value must be: the text of a name, or a small whole number (tier,
 * score, verdict rank and maturity are integers in SQL; PostgreSQL refuses to compare an
 * integer column with text, a fraction or a number out of its range).
 */
export type CursorValueKind = 'text' | 'integer';

const MAX_CURSOR_INTEGER = 2 ** 31 - 1;

function valueProblem(
  value: string | number,
  kind: CursorValueKind | undefined,
): string | undefined {
  if (typeof value === 'string' && value.includes('\u0000')) {
    return 'its value contains a NUL character';
  }
  if (kind === 'text' && typeof value !== 'string') {
    return 'its value is not text, as this sort needs';
  }
  if (
    kind === 'integer' &&
    (typeof value !== 'number' ||
      !Number.isInteger(value) ||
      Math.abs(value) > MAX_CURSOR_INTEGER)
  ) {
    return 'its value is not a whole number, as this sort needs';
  }
  return undefined;
}

/** Opaque to clients: base64url of a small JSON array. */
export function encodeCursor(cursor: PageCursor): string {
  const payload = [cursor.sort, cursor.order, cursor.value, cursor.entityRef];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same sort and order.
 *
 * @throws InputError naming `cursor` when it is malformed or was made for another sort.
 */
export function decodeCursor(
  raw: string,
  expected: { sort: string; order: 'asc' | 'desc'; value?: CursorValueKind },
): PageCursor {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new InputError('Invalid cursor: not a cursor returned by this API');
  }
  if (
    !Array.isArray(payload) ||
    payload.length !== 4 ||
    typeof payload[0] !== 'string' ||
    (payload[1] !== 'asc' && payload[1] !== 'desc') ||
    (typeof payload[2] !== 'string' && typeof payload[2] !== 'number') ||
    typeof payload[3] !== 'string'
  ) {
    throw new InputError('Invalid cursor: not a cursor returned by this API');
  }
  const [sort, order, value, entityRef] = payload as [
    string,
    'asc' | 'desc',
    string | number,
    string,
  ];
  if (sort !== expected.sort || order !== expected.order) {
    throw new InputError(
      `Invalid cursor: it was made for sort=${sort}&order=${order}, not sort=${expected.sort}&order=${expected.order}`,
    );
  }
  const problem = entityRef.includes('\u0000')
    ? 'its entity ref contains a NUL character'
    : valueProblem(value, expected.value);
  if (problem) {
    throw new InputError(
      `Invalid cursor: ${problem}; use a nextCursor returned by this API`,
    );
  }
  return { sort, order, value, entityRef };
}
