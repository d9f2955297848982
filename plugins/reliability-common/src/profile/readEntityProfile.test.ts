import type { Entity } from '@backstage/catalog-model';
import { readEntityProfile } from './readEntityProfile';

const policy = {
  tiers: [0, 1, 2, 3].map(level => ({
    level,
    name: `Tier ${level}`,
    description: `Tier ${level} services`,
  })),
};
const now = new Date('2026-11-22T10:00:00Z');

function entity(
  annotations: Record<string, string> = {},
  links?: Entity['metadata']['links'],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations, ...(links && { links }) },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

function profileOf(
  annotations: Record<string, string> = {},
  links?: Entity['metadata']['links'],
) {
  return readEntityProfile(entity(annotations, links), policy, { now });
}

describe('readEntityProfile', () => {
  it('reads an entity without any annotation as empty, without problems', () => {
    expect(profileOf()).toEqual({
      tier: null,
      oncall: null,
      runbooks: [],
      dashboards: [],
      runbooksReviewed: null,
      hasDocs: false,
      sloRef: null,
      problems: [],
    });
  });

  it('reads a fully annotated entity', () => {
    const profile = profileOf(
      {
        'reliability/tier': '1',
        'pagerduty.com/service-id': 'PABC123',
        'reliability/runbooks-reviewed': '2026-10-01',
        'backstage.io/techdocs-ref': 'dir:.',
        'reliability/slo-ref': './slos/checkout.yaml',
      },
      [
        {
          url: 'https://wiki.example.com/checkout/runbook',
          title: 'Checkout runbook',
          type: 'runbook',
        },
        {
          url: 'https://grafana.example.com/d/checkout',
          title: 'Golden signals',
          type: 'dashboard',
        },
        { url: 'https://github.com/acme/checkout', title: 'Repository' },
      ],
    );
    expect(profile).toEqual({
      tier: { level: 1, name: 'Tier 1', description: 'Tier 1 services' },
      oncall: {
        provider: 'pagerduty',
        reference: 'PABC123',
        annotation: 'pagerduty.com/service-id',
      },
      runbooks: [
        {
          title: 'Checkout runbook',
          url: 'https://wiki.example.com/checkout/runbook',
        },
      ],
      dashboards: [
        {
          title: 'Golden signals',
          url: 'https://grafana.example.com/d/checkout',
        },
      ],
      runbooksReviewed: '2026-10-01',
      hasDocs: true,
      sloRef: './slos/checkout.yaml',
      problems: [],
    });
  });
});

describe('readEntityProfile: tier', () => {
  it.each(['0', '1', '2', '3'])('accepts "%s"', level => {
    const profile = profileOf({ 'reliability/tier': level });
    expect(profile.tier?.level).toBe(Number(level));
    expect(profile.problems).toEqual([]);
  });

  it.each(['7', 'gold', ' 1', '1 ', '01', '1.0', '-1', '', 'Tier 1'])(
    'rejects %j with an error naming the allowed values',
    value => {
      const profile = profileOf({ 'reliability/tier': value });
      expect(profile.tier).toBeNull();
      expect(profile.problems).toEqual([
        {
          severity: 'error',
          field: 'reliability/tier',
          message: `reliability/tier is "${value}", which is not a configured tier; allowed values: "0", "1", "2", "3"`,
          howToFix: expect.stringContaining(
            '"0", "1", "2", "3" (0 is the most critical)',
          ),
        },
      ]);
    },
  );

  it('follows the configured scale', () => {
    const custom = {
      tiers: [
        { level: 1, name: 'Critical', description: 'c' },
        { level: 2, name: 'Standard', description: 's' },
      ],
    };
    const critical = readEntityProfile(
      entity({ 'reliability/tier': '1' }),
      custom,
      { now },
    );
    expect(critical.tier).toEqual({
      level: 1,
      name: 'Critical',
      description: 'c',
    });
    const zero = readEntityProfile(
      entity({ 'reliability/tier': '0' }),
      custom,
      { now },
    );
    expect(zero.tier).toBeNull();
    expect(zero.problems[0].message).toContain('allowed values: "1", "2"');
    expect(zero.problems[0].howToFix).toContain('1 is the most critical');
  });
});

describe('readEntityProfile: on-call', () => {
  it.each([
    ['pagerduty.com/service-id', 'PABC123', 'pagerduty'],
    ['opsgenie.com/team', 'checkout-team', 'opsgenie'],
    ['opsgenie.com/component-selector', 'tag:"checkout"', 'opsgenie'],
    ['splunk.com/on-call-team', 'checkout-oncall', 'splunk-on-call'],
    ['reliability/oncall-rotation', 'Checkout weekly rotation', 'other'],
  ])('reads %s as provider %s', (annotation, reference, provider) => {
    const profile = profileOf({ [annotation]: reference });
    expect(profile.oncall).toEqual({ provider, reference, annotation });
    expect(profile.problems).toEqual([]);
  });

  it('never returns a PagerDuty integration key, only that one is set', () => {
    const profile = profileOf({
      'pagerduty.com/integration-key': 'a1b2c3d4e5f6',
    });
    expect(profile.oncall).toEqual({
      provider: 'pagerduty',
      reference: 'integration key set',
      annotation: 'pagerduty.com/integration-key',
    });
    expect(JSON.stringify(profile)).not.toContain('a1b2c3d4e5f6');
  });

  it('prefers pagerduty, then opsgenie, then splunk-on-call, then the neutral rotation', () => {
    const all = {
      'reliability/oncall-rotation': 'rotation',
      'splunk.com/on-call-team': 'splunk-team',
      'opsgenie.com/component-selector': 'selector',
      'opsgenie.com/team': 'og-team',
      'pagerduty.com/integration-key': 'key',
      'pagerduty.com/service-id': 'PSERVICE',
    };
    const order = [
      ['pagerduty.com/service-id', 'PSERVICE'],
      ['pagerduty.com/integration-key', 'integration key set'],
      ['opsgenie.com/team', 'og-team'],
      ['opsgenie.com/component-selector', 'selector'],
      ['splunk.com/on-call-team', 'splunk-team'],
      ['reliability/oncall-rotation', 'rotation'],
    ];
    const remaining: Record<string, string> = { ...all };
    for (const [annotation, reference] of order) {
      expect(profileOf(remaining).oncall).toMatchObject({
        annotation,
        reference,
      });
      delete remaining[annotation];
    }
    expect(profileOf(remaining).oncall).toBeNull();
  });

  it('treats an empty value as absent, with a warning, and falls through to the next key', () => {
    const profile = profileOf({
      'pagerduty.com/service-id': '  ',
      'opsgenie.com/team': 'og-team',
    });
    expect(profile.oncall).toMatchObject({
      provider: 'opsgenie',
      reference: 'og-team',
    });
    expect(profile.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'pagerduty.com/service-id',
        message: 'pagerduty.com/service-id is empty and is ignored',
      }),
    ]);
  });

  it('gives the neutral rotation a url when it is an http(s) link', () => {
    expect(
      profileOf({
        'reliability/oncall-rotation':
          'https://oncall.example.com/schedules/checkout',
      }).oncall,
    ).toEqual({
      provider: 'other',
      reference: 'https://oncall.example.com/schedules/checkout',
      annotation: 'reliability/oncall-rotation',
      url: 'https://oncall.example.com/schedules/checkout',
    });
    expect(
      profileOf({ 'reliability/oncall-rotation': 'ftp://x/y' }).oncall?.url,
    ).toBeUndefined();
  });

  it('does not invent vendor URLs', () => {
    expect(
      profileOf({ 'pagerduty.com/service-id': 'PABC123' }).oncall,
    ).not.toHaveProperty('url');
  });
});

describe('readEntityProfile: links', () => {
  it('defaults the title to the url and reads the type case-insensitively', () => {
    const profile = profileOf({}, [
      { url: 'https://wiki.example.com/rb', type: 'Runbook' },
      { url: 'https://wiki.example.com/rb2', type: 'runbook', title: '  ' },
      {
        url: 'https://grafana.example.com/d/1',
        type: 'dashboard',
        title: 'Grafana',
      },
    ]);
    expect(profile.runbooks).toEqual([
      {
        title: 'https://wiki.example.com/rb',
        url: 'https://wiki.example.com/rb',
      },
      {
        title: 'https://wiki.example.com/rb2',
        url: 'https://wiki.example.com/rb2',
      },
    ]);
    expect(profile.dashboards).toEqual([
      { title: 'Grafana', url: 'https://grafana.example.com/d/1' },
    ]);
    expect(profile.problems).toEqual([]);
  });

  it('counts a link with icon dashboard and no type as a dashboard, and not one with another type', () => {
    const profile = profileOf({}, [
      {
        url: 'https://grafana.example.com/d/2',
        icon: 'dashboard',
        title: 'Grafana',
      },
      { url: 'https://grafana.example.com/d/3', icon: 'Dashboard' },
      { url: 'https://docs.example.com', icon: 'dashboard', type: 'docs' },
      { url: 'https://example.com', icon: 'web' },
    ]);
    expect(profile.dashboards).toEqual([
      { title: 'Grafana', url: 'https://grafana.example.com/d/2' },
      {
        title: 'https://grafana.example.com/d/3',
        url: 'https://grafana.example.com/d/3',
      },
    ]);
    expect(profile.problems).toEqual([]);
  });

  it('reports runbook and dashboard links without a usable url and ignores other links', () => {
    const profile = profileOf({}, [
      { url: '', type: 'runbook', title: 'Empty' },
      { url: 'wiki/runbook', type: 'runbook', title: 'Relative' },
      { url: 'mailto:oncall@example.com', type: 'dashboard', title: 'Mail' },
      { url: 'not a url', type: 'website' },
      { url: 'not a url', type: 'constructor' },
      { url: 'https://ok.example.com', type: 'runbook' },
    ]);
    expect(profile.runbooks).toEqual([
      { title: 'https://ok.example.com', url: 'https://ok.example.com' },
    ]);
    expect(profile.dashboards).toEqual([]);
    expect(profile.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'metadata.links[0]',
        message: 'metadata.links[0] (type runbook) has no url and is ignored',
      }),
      expect.objectContaining({
        severity: 'warning',
        field: 'metadata.links[1]',
        message:
          'metadata.links[1] (type runbook) has the url "wiki/runbook", which is not an absolute http(s) URL; the link is ignored',
      }),
      expect.objectContaining({
        severity: 'warning',
        field: 'metadata.links[2]',
      }),
    ]);
  });

  it('reports a link whose url is missing altogether', () => {
    const links = [
      { type: 'runbook', title: 'No url' },
    ] as unknown as Entity['metadata']['links'];
    const profile = profileOf({}, links);
    expect(profile.runbooks).toEqual([]);
    expect(profile.problems[0].field).toBe('metadata.links[0]');
  });
});

describe('readEntityProfile: runbooks-reviewed', () => {
  it.each(['2026-11-22', '2024-02-29', '2000-01-01', '2026-10-31'])(
    'accepts %s',
    date => {
      const profile = profileOf({ 'reliability/runbooks-reviewed': date });
      expect(profile.runbooksReviewed).toBe(date);
      expect(profile.problems).toEqual([]);
    },
  );

  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-5',
    '2026/01/05',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    'yesterday',
    '',
  ])('rejects %j with an error', value => {
    const profile = profileOf({ 'reliability/runbooks-reviewed': value });
    expect(profile.runbooksReviewed).toBeNull();
    expect(profile.problems).toEqual([
      {
        severity: 'error',
        field: 'reliability/runbooks-reviewed',
        message: `reliability/runbooks-reviewed is "${value}", which is not a date of the form YYYY-MM-DD`,
        howToFix: expect.stringContaining('"YYYY-MM-DD"'),
      },
    ]);
  });

  it('keeps a date in the future but warns', () => {
    const profile = profileOf({
      'reliability/runbooks-reviewed': '2026-11-23',
    });
    expect(profile.runbooksReviewed).toBe('2026-11-23');
    expect(profile.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'reliability/runbooks-reviewed',
        message:
          'reliability/runbooks-reviewed is 2026-11-23, a date in the future (today is 2026-11-22)',
      }),
    ]);
  });
});

describe('readEntityProfile: docs and slo-ref', () => {
  it('reads techdocs-ref as documentation', () => {
    expect(
      profileOf({
        'backstage.io/techdocs-ref': 'url:https://github.com/acme/checkout',
      }).hasDocs,
    ).toBe(true);
  });

  it('reports empty techdocs-ref and slo-ref values', () => {
    const profile = profileOf({
      'backstage.io/techdocs-ref': '',
      'reliability/slo-ref': ' ',
    });
    expect(profile.hasDocs).toBe(false);
    expect(profile.sloRef).toBeNull();
    expect(
      profile.problems.map(problem => [problem.severity, problem.field]),
    ).toEqual([
      ['warning', 'backstage.io/techdocs-ref'],
      ['warning', 'reliability/slo-ref'],
    ]);
  });

  it('keeps the slo-ref as written, unresolved', () => {
    expect(
      profileOf({ 'reliability/slo-ref': 'url:https://slo.example.com/x.yaml' })
        .sloRef,
    ).toBe('url:https://slo.example.com/x.yaml');
  });
});
