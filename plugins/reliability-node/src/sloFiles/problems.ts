import {
  ANNOTATION_SLO_REF,
  type Problem,
} from '@reliability-suite/plugin-reliability-common';

const HOW_TO_FIX_UNREADABLE =
  'Point reliability/slo-ref to existing SLO files: paths relative to catalog-info.yaml, a folder ending in `/`, or url:<absolute URL> the Backstage backend can read.';

/** A file that could not be read; `location` is the resolved target. */
export function unreadable(location: string, what: string): Problem {
  return {
    severity: 'error',
    field: ANNOTATION_SLO_REF,
    file: location,
    message: `The SLO file ${location} (${ANNOTATION_SLO_REF}) ${what}`,
    howToFix: HOW_TO_FIX_UNREADABLE,
  };
}

/** A file that was found but is too large to parse. */
export function tooLarge(location: string, maxBytes: number): Problem {
  return {
    severity: 'error',
    field: ANNOTATION_SLO_REF,
    file: location,
    message: `The SLO file ${location} is larger than ${maxBytes} bytes and was not parsed`,
    howToFix:
      'Split the SLOs into smaller files, or raise reliability.sloFiles.maxBytes in app-config.',
  };
}

/** What went wrong, in the words of a missing file, a 404 or the error itself. */
export function describeError(error: unknown): string {
  const { name, message, code } = (error ?? {}) as {
    name?: string;
    message?: string;
    code?: string;
  };
  if (code === 'ENOENT' || name === 'NotFoundError') {
    return 'does not exist';
  }
  if (code === 'ENOTDIR') {
    return 'is not a folder';
  }
  return `could not be read (${message ?? String(error)})`;
}
