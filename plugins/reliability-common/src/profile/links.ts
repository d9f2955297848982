import type { Entity } from '@backstage/catalog-model';
import type { LinkInfo, Problem } from '../types';
import { LINK_TYPE_DASHBOARD, LINK_TYPE_RUNBOOK } from '../annotations';
import { httpUrl } from './urls';

/**
 * `metadata.links[]` of type `runbook` and `dashboard`; a link without a usable URL is reported.
 * A link with no type and `icon: dashboard` (how Backstage's own link card marks one) is a
 * dashboard too.
 */
export function readLinks(
  entity: Entity,
  problems: Problem[],
): { runbooks: LinkInfo[]; dashboards: LinkInfo[] } {
  const runbooks: LinkInfo[] = [];
  const dashboards: LinkInfo[] = [];
  const links: unknown[] = Array.isArray(entity.metadata.links)
    ? entity.metadata.links
    : [];
  links.forEach((link, index) => {
    if (typeof link !== 'object' || link === null) {
      return;
    }
    const { type, url, title, icon } = link as Record<string, unknown>;
    let normalizedType =
      typeof type === 'string' ? type.trim().toLowerCase() : '';
    if (
      normalizedType === '' &&
      typeof icon === 'string' &&
      icon.trim().toLowerCase() === LINK_TYPE_DASHBOARD
    ) {
      normalizedType = LINK_TYPE_DASHBOARD;
    }
    let target: LinkInfo[];
    if (normalizedType === LINK_TYPE_RUNBOOK) {
      target = runbooks;
    } else if (normalizedType === LINK_TYPE_DASHBOARD) {
      target = dashboards;
    } else {
      return;
    }
    const field = `metadata.links[${index}]`;
    const validUrl = httpUrl(url);
    if (!validUrl) {
      problems.push({
        severity: 'warning',
        field,
        message:
          url === undefined || url === ''
            ? `${field} (type ${normalizedType}) has no url and is ignored`
            : `${field} (type ${normalizedType}) has the url "${String(
                url,
              )}", which is not an absolute http(s) URL; the link is ignored`,
        howToFix: `Give the ${normalizedType} link an absolute URL such as https://wiki.example.com/${normalizedType}s/my-service.`,
      });
      return;
    }
    const cleanTitle = typeof title === 'string' ? title.trim() : '';
    target.push({ title: cleanTitle || validUrl, url: validUrl });
  });
  return { runbooks, dashboards };
}
