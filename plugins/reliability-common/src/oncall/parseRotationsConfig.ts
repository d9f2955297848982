import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Rotation } from './rotation';
import { parseShift } from './shift';
import { isValidTimeZone, parseNaive } from './zonedTime';

/** A rotation config that cannot be used; the message names the key. */
export class RotationConfigError extends Error {
  constructor(readonly key: string, message: string) {
    super(`${key}: ${message}`);
    this.name = 'RotationConfigError';
  }
}

const PREFIX = 'reliability.oncall.rotations';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(value: unknown, key: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RotationConfigError(key, `must be ${what}`);
  }
  return value.trim();
}

function memberRef(value: unknown, key: string): string {
  const text = requireString(
    value,
    key,
    'a user entity ref such as user:default/ada',
  );
  try {
    const ref = parseEntityRef(text, {
      defaultKind: 'user',
      defaultNamespace: 'default',
    });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'user') {
      throw new Error('not a user');
    }
    return stringifyEntityRef(ref);
  } catch {
    throw new RotationConfigError(
      key,
      `"${text}" is not a user entity ref such as user:default/ada`,
    );
  }
}

/**
 * Validates `reliability.oncall.rotations` (the raw config value, undefined when absent)
 * into rotations by name. Throws a RotationConfigError naming the first bad key: a broken
 * rotation must stop start-up rather than show the wrong person on call.
 */
export function parseRotationsConfig(raw: unknown): Map<string, Rotation> {
  const rotations = new Map<string, Rotation>();
  if (raw === undefined || raw === null) {
    return rotations;
  }
  if (!Array.isArray(raw)) {
    throw new RotationConfigError(PREFIX, 'must be a list of rotations');
  }
  raw.forEach((entry, index) => {
    const at = `${PREFIX}[${index}]`;
    if (!isRecord(entry)) {
      throw new RotationConfigError(at, 'must be an object');
    }
    const name = requireString(entry.name, `${at}.name`, 'a non-empty name');
    if (rotations.has(name)) {
      throw new RotationConfigError(
        `${at}.name`,
        `"${name}" is used by two rotations`,
      );
    }
    const timeZone = requireString(
      entry.timeZone,
      `${at}.timeZone`,
      'an IANA time zone such as Europe/Berlin',
    );
    if (!isValidTimeZone(timeZone)) {
      throw new RotationConfigError(
        `${at}.timeZone`,
        `"${timeZone}" is not an IANA time zone such as Europe/Berlin`,
      );
    }
    const startText = requireString(
      entry.start,
      `${at}.start`,
      'a local time YYYY-MM-DDTHH:mm',
    );
    const startNaive = parseNaive(startText);
    if (startNaive === undefined) {
      throw new RotationConfigError(
        `${at}.start`,
        `"${startText}" is not a local time YYYY-MM-DDTHH:mm (no zone: the rotation's timeZone applies)`,
      );
    }
    const shiftText = requireString(
      entry.shift,
      `${at}.shift`,
      'a shift length such as 12h, 1d or 1w',
    );
    const shiftMs = parseShift(shiftText);
    if (shiftMs === undefined) {
      throw new RotationConfigError(
        `${at}.shift`,
        `"${shiftText}" is not a shift length such as 12h, 1d or 1w`,
      );
    }
    if (!Array.isArray(entry.members) || entry.members.length === 0) {
      throw new RotationConfigError(
        `${at}.members`,
        'must list at least one user entity ref',
      );
    }
    const members = entry.members.map((member, memberIndex) =>
      memberRef(member, `${at}.members[${memberIndex}]`),
    );
    const escalationRaw = entry.escalation ?? [];
    if (!Array.isArray(escalationRaw)) {
      throw new RotationConfigError(
        `${at}.escalation`,
        'must be a list of rotation names',
      );
    }
    const escalation = escalationRaw.map((level, levelIndex) =>
      requireString(
        level,
        `${at}.escalation[${levelIndex}]`,
        'a rotation name',
      ),
    );
    rotations.set(name, {
      name,
      timeZone,
      startNaive,
      shiftMs,
      members,
      escalation,
    });
  });
  // Escalation names are checked once every rotation is known (order does not matter).
  [...rotations.values()].forEach((rotation, index) => {
    rotation.escalation.forEach((level, levelIndex) => {
      const key = `${PREFIX}[${index}].escalation[${levelIndex}]`;
      if (level === rotation.name) {
        throw new RotationConfigError(key, `"${level}" escalates to itself`);
      }
      if (!rotations.has(level)) {
        throw new RotationConfigError(
          key,
          `"${level}" names no rotation in ${PREFIX}`,
        );
      }
    });
  });
  return rotations;
}
