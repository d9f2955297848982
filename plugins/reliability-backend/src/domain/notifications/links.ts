import { parseEntityRef } from '@backstage/catalog-model';

/** The app path of the approver inbox. */
export const INBOX_PATH = '/reliability/inbox';

/**
 * The app path of an entity's Reliability tab, with the check's row as anchor when given
 * (the checklist renders each check with the id `check-<id>`).
 */
export function reliabilityTabPath(
  entityRef: string,
  checkId?: string,
): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const base = `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/reliability`;
  return checkId ? `${base}#check-${encodeURIComponent(checkId)}` : base;
}

/** A readable name for an entity in a notification: its title, else its name. */
export function entityLabel(entityRef: string, title?: string | null): string {
  return title || parseEntityRef(entityRef).name;
}
