import { promises as fs } from 'node:fs';
import type { Problem } from '@reliability-suite/plugin-reliability-common';
import { folderProblems, listFolder } from './listFolder';
import { describeError, tooLarge, unreadable } from './problems';
import { readBoundedFile } from './readBoundedFile';
import {
  readBoundedUrl,
  type ReadUrlOptions,
  type RemoteFile,
} from './readBoundedUrl';
import { outside, type SloLocation } from './resolveSloLocations';

/** One file's state: its version (to key the parse) and how to get its text. */
export type FileState =
  | { location: string; version: string; text: () => Promise<FileText> }
  | { location: string; problem: Problem; unreachable: boolean };
export type FileText =
  | { text: string }
  | { problem: Problem; unreachable: boolean };

/** A target outside the directories it may read; carries the problem to report. */
class OutsideError extends Error {
  readonly problem: Problem;
  constructor(ref: string, target: string) {
    const { problem } = outside(ref, target);
    super(problem.message);
    this.problem = problem;
  }
}

/**
 * The states of the local files a location names: a file, or the YAML files of a folder, each
 * only after its real path was found inside the directories the location may read.
 */
export async function localFileStates(
  location: SloLocation,
  limits: { maxBytes: number; maxFolderFiles: number },
): Promise<FileState[]> {
  const problemState = (error: unknown, path = location.target): FileState => ({
    location: `file:${path}`,
    problem:
      error instanceof OutsideError
        ? error.problem
        : unreadable(`file:${path}`, describeError(error)),
    unreachable: true,
  });
  let real: string;
  try {
    real = await inside(location);
  } catch (error) {
    return [problemState(error)];
  }
  if (!location.folder) {
    return [await localFile(location.target, real, limits.maxBytes)];
  }
  try {
    const listed = await listFolder(real, limits.maxFolderFiles);
    const files = await Promise.all(
      listed.names.map(async name => {
        const path = `${location.target}${name}`;
        try {
          return await localFile(
            path,
            await inside({ ...location, target: path, folder: false }),
            limits.maxBytes,
          );
        } catch (error) {
          return problemState(error, path);
        }
      }),
    );
    const problems = listed
      .problems(`file:${location.target}`)
      .map(problem => ({
        location: `file:${location.target}`,
        problem,
        unreachable: listed.names.length === 0,
      }));
    return [...problems, ...files];
  } catch (error) {
    return [problemState(error)];
  }
}

/** The real path of a local target, when it lies inside the directories it may read. */
async function inside(location: SloLocation): Promise<string> {
  const real = await fs.realpath(location.target);
  if (!location.roots) {
    return real;
  }
  for (const root of location.roots) {
    const realRoot = await fs.realpath(root).catch(() => undefined);
    if (realRoot && `${real}/`.startsWith(withSlash(realRoot))) {
      return real;
    }
  }
  throw new OutsideError(location.ref, location.target);
}

async function localFile(
  path: string,
  real: string,
  maxBytes: number,
): Promise<FileState> {
  const location = `file:${path}`;
  const stat = await fs.stat(real).catch(error => ({ error }));
  if ('error' in stat) {
    return {
      location,
      problem: unreadable(location, describeError(stat.error)),
      unreachable: true,
    };
  }
  if (!stat.isFile()) {
    return {
      location,
      problem: unreadable(location, 'is not a regular file'),
      unreachable: true,
    };
  }
  return {
    location,
    version: `${stat.mtimeMs}:${stat.size}:${stat.ino}`,
    text: async () => {
      const read = await readBoundedFile(real, maxBytes).catch(error => ({
        kind: 'error' as const,
        error,
      }));
      switch (read.kind) {
        case 'text':
          return { text: read.text };
        case 'too-large':
          return {
            problem: tooLarge(location, maxBytes),
            unreachable: false,
          };
        case 'not-a-file':
          return {
            problem: unreadable(location, 'is not a regular file'),
            unreachable: true,
          };
        default:
          return {
            problem: unreadable(location, describeError(read.error)),
            unreachable: true,
          };
      }
    },
  };
}

/** The states of the remote files a location names, listing a folder with the UrlReader. */
export async function remoteFileStates(
  location: SloLocation,
  options: ReadUrlOptions & { maxFolderFiles: number },
): Promise<FileState[]> {
  if (!location.folder) {
    const file = await readBoundedUrl(location.target, options);
    return [remoteState(location.target, file)];
  }
  let urls: string[];
  try {
    // The UrlReader lists a remote folder by glob; names are filtered again below.
    const found = await options.urlReader.search(`${location.target}*.y*ml`);
    urls = found.files
      .map(file => file.url)
      .filter(url => isYamlIn(location.target, url))
      .sort();
  } catch (error) {
    return [
      {
        location: location.target,
        problem: unreadable(location.target, describeError(error)),
        unreachable: true,
      },
    ];
  }
  const states: FileState[] = folderProblems(
    location.target,
    urls.length,
    options.maxFolderFiles,
  ).map(problem => ({
    location: location.target,
    problem,
    unreachable: urls.length === 0,
  }));
  for (const url of urls.slice(0, options.maxFolderFiles)) {
    states.push(remoteState(url, await readBoundedUrl(url, options)));
  }
  return states;
}

function isYamlIn(folder: string, url: string): boolean {
  return (
    url.startsWith(folder) && /^[^/]+\.ya?ml$/i.test(url.slice(folder.length))
  );
}

function remoteState(url: string, file: RemoteFile): FileState {
  if ('problem' in file) {
    return { location: url, ...file };
  }
  return { location: url, version: file.version, text: async () => file.read };
}

function withSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}
