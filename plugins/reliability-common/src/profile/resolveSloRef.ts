import type { Entity } from '@backstage/catalog-model';
import type { Problem } from '../types';
import {
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_SLO_REF,
} from '../annotations';

export type ResolvedSloRef =
  | { type: 'url'; target: string }
  | { type: 'file'; target: string }
  | { problem: Problem };

const FORMS =
  'Write a path relative to the catalog file (`./slos/checkout.yaml`) or `url:<absolute http(s) URL>`.';

function problem(
  message: string,
  howToFix: string = FORMS,
): { problem: Problem } {
  return {
    problem: {
      severity: 'error',
      field: ANNOTATION_SLO_REF,
      message,
      howToFix,
    },
  };
}

/**
 * Where an entity's `reliability/slo-ref` points: `url:<absolute URL>` as is, a relative
 * path against the catalog file the entity was read from (`backstage.io/managed-by-location`:
 * `file:` with POSIX path semantics, `url:` with URL semantics). Absolute paths, other
 * schemes and unresolvable bases are problems. Pure: nothing is read.
 */
export function resolveSloRef(entity: Entity): ResolvedSloRef {
  const annotations = entity.metadata.annotations ?? {};
  const ref = annotations[ANNOTATION_SLO_REF]?.trim();
  if (!ref) {
    return problem(`${ANNOTATION_SLO_REF} is not set`);
  }
  if (ref.startsWith('url:')) {
    const target = ref.slice('url:'.length).trim();
    return isHttpUrl(target)
      ? { type: 'url', target }
      : problem(
          `${ANNOTATION_SLO_REF} is "${ref}": after url: comes an absolute http(s) URL`,
          'Write `url:https://host/path/slos.yaml`, or a path relative to the catalog file.',
        );
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(ref)?.[1];
  if (scheme) {
    const hint =
      scheme === 'http' || scheme === 'https'
        ? `Prefix the URL with url:, i.e. \`url:${ref}\`.`
        : FORMS;
    return problem(
      `${ANNOTATION_SLO_REF} is "${ref}": the ${scheme}: scheme is not supported`,
      hint,
    );
  }
  if (ref.startsWith('/') || ref.startsWith('\\')) {
    return problem(
      `${ANNOTATION_SLO_REF} is "${ref}", an absolute path; only paths relative to the catalog file are read`,
      'Write the path relative to the catalog-info.yaml that declares the entity, e.g. `./slos/checkout.yaml`.',
    );
  }
  return resolveRelative(ref, annotations[ANNOTATION_MANAGED_BY_LOCATION]);
}

function resolveRelative(
  ref: string,
  location: string | undefined,
): ResolvedSloRef {
  if (!location) {
    return problem(
      `${ANNOTATION_SLO_REF} is the relative path "${ref}", but the entity has no ${ANNOTATION_MANAGED_BY_LOCATION} to resolve it against`,
      'Use `url:<absolute URL>` for entities that do not come from a catalog file.',
    );
  }
  if (location.startsWith('file:')) {
    const basePath = location.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!basePath.startsWith('/')) {
      return problem(
        `${ANNOTATION_SLO_REF} "${ref}" cannot be resolved: ${ANNOTATION_MANAGED_BY_LOCATION} "${location}" is not an absolute file path`,
        'Register the catalog file with an absolute path, or use `url:<absolute URL>`.',
      );
    }
    return { type: 'file', target: resolvePosixPath(dirname(basePath), ref) };
  }
  if (location.startsWith('url:')) {
    const base = location.slice('url:'.length);
    if (!isHttpUrl(base)) {
      return problem(
        `${ANNOTATION_SLO_REF} "${ref}" cannot be resolved: ${ANNOTATION_MANAGED_BY_LOCATION} "${location}" is not an http(s) URL`,
        'Use `url:<absolute URL>`.',
      );
    }
    return { type: 'url', target: new URL(ref, base).toString() };
  }
  return problem(
    `${ANNOTATION_SLO_REF} "${ref}" cannot be resolved against ${ANNOTATION_MANAGED_BY_LOCATION} "${location}": only file: and url: locations are supported`,
    'Use `url:<absolute URL>`.',
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/** `path.posix.resolve(base, relative)` without Node's `path` (this package also runs in browsers). */
function resolvePosixPath(base: string, relative: string): string {
  const segments: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      segments.pop();
    } else {
      segments.push(part);
    }
  }
  return `/${segments.join('/')}`;
}
