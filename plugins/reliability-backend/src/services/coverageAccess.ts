import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityCoverageReadPermission } from '@reliability-suite/plugin-reliability-common';

/**
 * Coverage figures need the basic `reliability.coverage.read` permission, whether asked for
 * over REST or by an agent action.
 */
export async function requireCoverageRead(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: reliabilityCoverageReadPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError('You are not allowed to read coverage figures');
  }
}
