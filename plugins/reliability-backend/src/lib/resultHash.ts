import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** workers/resultHash.js, shipped with the package: the SQLite writer thread loads it too. */
const hashModule: {
  resultHash(
    reportJson: string,
    evaluatedAt: string,
    descriptor: unknown[],
  ): string;
} = require(resolvePackagePath(
  '@reliability-suite/plugin-reliability-backend',
  'workers/resultHash.js',
));

/**
 * sha256 of the stored report JSON without its `evaluatedAt`, a newline, and the
 * descriptive columns (kind, namespace, name, title, type, lifecycle, owner, system) as a
 * JSON array. The report must end with its `evaluatedAt` member.
 */
export const { resultHash } = hashModule;
