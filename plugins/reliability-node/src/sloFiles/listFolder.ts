import { promises as fs } from 'node:fs';
import type { Problem } from '@reliability-suite/plugin-reliability-common';
import { ANNOTATION_SLO_REF } from '@reliability-suite/plugin-reliability-common';

const YAML_FILE = /\.ya?ml$/i;

/**
 * The `*.yaml` / `*.yml` names directly in a folder (not recursive), sorted, at most
 * `maxFiles`; `problems` reports a folder with more or with none.
 */
export async function listFolder(
  path: string,
  maxFiles: number,
): Promise<{ names: string[]; problems: (location: string) => Problem[] }> {
  const entries = await fs.readdir(path, { withFileTypes: true });
  const names = entries
    .filter(entry => !entry.isDirectory() && YAML_FILE.test(entry.name))
    .map(entry => entry.name)
    .sort();
  return {
    names: names.slice(0, maxFiles),
    problems: location => folderProblems(location, names.length, maxFiles),
  };
}

export function folderProblems(
  location: string,
  count: number,
  maxFiles: number,
): Problem[] {
  if (count === 0) {
    return [
      {
        severity: 'error',
        field: ANNOTATION_SLO_REF,
        file: location,
        message: `The SLO folder ${location} (${ANNOTATION_SLO_REF}) holds no *.yaml or *.yml file`,
        howToFix:
          'Put the SLO files directly in the folder (subfolders are not read).',
      },
    ];
  }
  if (count > maxFiles) {
    return [
      {
        severity: 'warning',
        field: ANNOTATION_SLO_REF,
        file: location,
        message: `The SLO folder ${location} holds ${count} SLO files; only the first ${maxFiles} by name were read`,
        howToFix:
          'Split the folder, or name fewer files in reliability/slo-ref.',
      },
    ];
  }
  return [];
}
