/** One problem in `reliability.policy`, located by its path below that key. */
export interface PolicyConfigIssue {
  path: (string | number)[];
  message: string;
}

const CONFIG_KEY = 'reliability.policy';

/** `reliability.policy.tiers[1].required[2]` for the path `['tiers', 1, 'required', 2]`. */
export function formatPolicyConfigPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (formatted, segment) =>
      typeof segment === 'number'
        ? `${formatted}[${segment}]`
        : `${formatted}.${segment}`,
    CONFIG_KEY,
  );
}

/**
 * Thrown by `parsePolicyConfig` for an invalid `reliability.policy`. The message names every
 * offending key, so a backend that fails to start says exactly what to fix.
 */
export class PolicyConfigError extends Error {
  readonly issues: PolicyConfigIssue[];

  constructor(issues: PolicyConfigIssue[]) {
    super(
      `Invalid ${CONFIG_KEY}: ${issues
        .map(issue => `${formatPolicyConfigPath(issue.path)}: ${issue.message}`)
        .join('; ')}`,
    );
    this.name = 'PolicyConfigError';
    this.issues = issues;
  }
}
