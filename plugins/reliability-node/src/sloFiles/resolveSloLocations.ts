import {
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_SLO_REF,
  resolveSloRef,
  type Problem,
} from '@reliability-suite/plugin-reliability-common';
import { MAX_SLO_REFS, splitSloRefs } from './sloRefList';

/** One location an entity's `reliability/slo-ref` names, resolved. */
export interface SloLocation {
  /** The item as written in the annotation. */
  ref: string;
  type: 'file' | 'url';
  /** An absolute path (`file`) or URL (`url`); a folder's ends with `/`. */
  target: string;
  /** Every `*.yaml` / `*.yml` directly in the folder is read. */
  folder: boolean;
  /**
   * For a relative ref: the directories (absolute paths, or URL prefixes ending in `/`) the
   * target must stay inside. Absent for `url:` refs, which the UrlReader's own
   * `backend.reading.allow` governs.
   */
  roots?: string[];
}

export type ResolvedSloLocation = SloLocation | { problem: Problem };

/**
 * Resolves every location of an entity's `reliability/slo-ref` against the catalog file it
 * was read from. A relative ref may only point inside the directory of that file, the
 * directory of the location it was registered through (`managed-by-origin-location`), or one
 * of `allowedDirectories`. URL refs are checked here; file refs are checked by the reader after
 * following symlinks. Pure: nothing is read.
 */
export function resolveSloLocations(
  entity: Entity,
  allowedDirectories: string[] = [],
): ResolvedSloLocation[] {
  const annotations = entity.metadata.annotations ?? {};
  const refs = splitSloRefs(annotations[ANNOTATION_SLO_REF] ?? '');
  if (refs.length > MAX_SLO_REFS) {
    return [
      problem(
        `${ANNOTATION_SLO_REF} names ${refs.length} locations, more than the ${MAX_SLO_REFS} read`,
        'Put the SLO files in one folder and name the folder (`./slos/`).',
      ),
    ];
  }
  return refs.map(ref => resolveOne(entity, ref, allowedDirectories));
}

function resolveOne(
  entity: Entity,
  ref: string,
  allowedDirectories: string[],
): ResolvedSloLocation {
  const annotations = entity.metadata.annotations ?? {};
  const resolved = resolveSloRef({
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: { ...annotations, [ANNOTATION_SLO_REF]: ref },
    },
  });
  if ('problem' in resolved) {
    return resolved;
  }
  const folder = ref.endsWith('/');
  const target =
    folder && !resolved.target.endsWith('/')
      ? `${resolved.target}/`
      : resolved.target;
  if (ref.startsWith('url:')) {
    return { ref, type: resolved.type, target, folder };
  }
  const locations = [
    annotations[ANNOTATION_MANAGED_BY_LOCATION],
    annotations[ANNOTATION_ORIGIN_LOCATION],
  ];
  const roots = [
    ...locations.flatMap(location => directoryOf(location, resolved.type)),
    ...allowedDirectories.map(directory => withSlash(directory)),
  ];
  if (resolved.type === 'url' && !roots.some(root => target.startsWith(root))) {
    return outside(ref, target);
  }
  return { ref, type: resolved.type, target, folder, roots };
}

/** The directory of a `file:` or `url:` location, as a path or URL ending in `/`. */
function directoryOf(
  location: string | undefined,
  type: 'file' | 'url',
): string[] {
  if (type === 'file' && location?.startsWith('file:')) {
    const path = location.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    return path.startsWith('/')
      ? [path.slice(0, path.lastIndexOf('/') + 1)]
      : [];
  }
  if (type === 'url' && location?.startsWith('url:')) {
    try {
      return [new URL('.', location.slice('url:'.length)).toString()];
    } catch {
      return [];
    }
  }
  return [];
}

function withSlash(directory: string): string {
  return directory.endsWith('/') ? directory : `${directory}/`;
}

/** The problem for a relative ref that leaves the directories it may read. */
export function outside(ref: string, target: string): { problem: Problem } {
  return problem(
    `${ANNOTATION_SLO_REF} "${ref}" resolves to ${target}, outside the directory of the entity's catalog file; it was not read`,
    'Keep SLO files next to or below the catalog file, or add their directory to reliability.sloFiles.allowedDirectories in app-config.',
    target,
  );
}

function problem(
  message: string,
  howToFix: string,
  file?: string,
): { problem: Problem } {
  return {
    problem: {
      severity: 'error',
      field: ANNOTATION_SLO_REF,
      ...(file && { file }),
      message,
      howToFix,
    },
  };
}
