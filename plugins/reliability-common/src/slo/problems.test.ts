import { parseSloFile } from './parseSloFile';

const FILE = 'slos/checkout.yaml';

function parse(text: string, maxBytes?: number) {
  return parseSloFile(text, { file: FILE, maxBytes });
}

/** An OpenSLO SLO document with an inline SLI; `spec` lines replace the defaults. */
function openSloSlo(
  name: string,
  overrides: {
    timeWindow?: string;
    objectives?: string;
    extra?: string;
    indicator?: string;
  } = {},
): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${name}
spec:
${
  overrides.indicator ??
  `  indicator:
    metadata:
      name: ${name}-sli
    spec:
      ratioMetric:
        good: { metricSource: { type: Prometheus, spec: { query: good } } }
        total: { metricSource: { type: Prometheus, spec: { query: total } } }`
}
${
  overrides.timeWindow ??
  '  timeWindow:\n    - duration: 28d\n      isRolling: true'
}
  budgetingMethod: Occurrences
${overrides.objectives ?? '  objectives:\n    - target: 0.999'}
${overrides.extra ?? ''}`;
}

function slothFile(slos: string): string {
  return `version: prometheus/v1
service: payments
slos:
${slos}`;
}

const SLOTH_EVENTS = `    sli:
      events:
        error_query: sum(rate(errors[{{.window}}]))
        total_query: sum(rate(total[{{.window}}]))`;

describe('parseSloFile problems: the file', () => {
  it('reports a YAML syntax error with its line and still reads the other documents', () => {
    const text = `${openSloSlo('good-one')}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: broken
  labels: [unclosed
`;
    const result = parse(text);
    expect(result.slos.map(slo => slo.name)).toEqual(['good-one']);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({
      severity: 'error',
      file: FILE,
      document: 1,
    });
    expect(problem.message).toMatch(
      /^slos\/checkout\.yaml:2[0-9]: YAML syntax error \(column \d+\): /,
    );
    expect(problem.message).not.toMatch(/at line/);
    expect(problem.howToFix).toMatch(/at line 2[0-9]/);
  });

  it('reports the line of a syntax error precisely', () => {
    const result = parse(
      'version: prometheus/v1\nservice: a\nslos:\n  - name: x\n   objective: 1\n',
    );
    expect(result.problems).toEqual([
      {
        severity: 'error',
        message:
          'slos/checkout.yaml:5: YAML syntax error (column 1): Sequence item without - indicator',
        file: FILE,
        document: 0,
        howToFix:
          'Fix the YAML syntax at line 5; a YAML linter shows the exact spot. The other documents of the file are still read.',
      },
    ]);
  });

  it('reports the first syntax error of a document and counts the ones that follow from it', () => {
    const result = parse(
      'version: prometheus/v1\nservice: a\nslos:\n  - name: x\n    objective: [99.5\n    description: d\n     sli: {}\n',
    );
    expect(result.slos).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toBe(
      'slos/checkout.yaml:6: YAML syntax error (column 5): Flow sequence in block collection must be sufficiently indented and end with a ]; 2 more errors in this document may follow from it',
    );
  });

  it('refuses a document that multiplies YAML aliases (a "billion laughs" file)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const name of ['b', 'c', 'd', 'e', 'f']) {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      levels.push(
        `${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`,
      );
    }
    const result = parse(`version: prometheus/v1\n${levels.join('\n')}\n`);
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        document: 0,
        message: expect.stringContaining(
          'could not be read: Excessive alias count',
        ),
      }),
    ]);
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\n  \n'],
    ['a file with only comments', '# SLOs will come\n# soon\n'],
    ['only document separators', '---\n---\n'],
  ])('reports %s', (_, text) => {
    const result = parse(text);
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        message: `${FILE} is empty: it has no YAML documents, or only comments`,
        file: FILE,
        howToFix: expect.stringContaining('kind: SLO'),
      },
    ]);
  });

  it('does not parse a file larger than maxBytes', () => {
    const text = openSloSlo('fine');
    const result = parse(text, 100);
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: `${FILE} is larger than 100 bytes and was not parsed`,
        file: FILE,
      }),
    ]);
    expect(parse(text, text.length).slos).toHaveLength(1);
  });

  it('counts bytes, not characters, against maxBytes', () => {
    const text = `# ${'é'.repeat(60)}\n${openSloSlo('accents')}`;
    const bytes = new TextEncoder().encode(text).length;
    expect(parse(text, bytes - 1).slos).toEqual([]);
    expect(parse(text, bytes).slos).toHaveLength(1);
  });

  it('refuses a 10 MB string quickly with the default 1 MiB limit', () => {
    const text = `${openSloSlo('huge')}\n# ${'x'.repeat(10 * 1024 * 1024)}`;
    const started = Date.now();
    const result = parseSloFile(text);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: 'SLO file is larger than 1048576 bytes and was not parsed',
      }),
    ]);
  });

  it.each([
    ['a plain mapping', 'foo: bar\n'],
    ['a list', '- name: a\n  objective: 99\n'],
    ['a scalar', 'just text\n'],
    [
      'a Backstage entity',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n',
    ],
    ['another Sloth version', 'version: prometheus/v2\nservice: a\nslos: []\n'],
  ])(
    'reports a document that is %s as in no format read, listing the formats',
    (_, text) => {
      const result = parse(`${openSloSlo('kept')}\n---\n${text}`);
      expect(result.slos.map(slo => slo.name)).toEqual(['kept']);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          document: 1,
          message: expect.stringMatching(
            /^slos\/checkout\.yaml:\d+: (?:\S+: )?document is in no SLO format this suite reads/,
          ),
          howToFix: expect.stringContaining(
            'apiVersion: pyrra.dev/v1alpha1 with kind: ServiceLevelObjective',
          ),
        }),
      ]);
    },
  );

  it('reports an unsupported OpenSLO version', () => {
    const result = parse(openSloSlo('v2').replace('openslo/v1', 'openslo/v2'));
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'apiVersion',
        message: expect.stringContaining(
          'apiVersion: document is in no SLO format this suite reads (apiVersion "openslo/v2")',
        ),
      }),
    ]);
  });
});

describe('parseSloFile problems: kinds', () => {
  it('warns about an unknown OpenSLO kind and ignores the document', () => {
    const result = parse(
      `${openSloSlo(
        'kept',
      )}\n---\napiVersion: openslo/v1\nkind: Dashboard\nmetadata:\n  name: d\n`,
    );
    expect(result.slos).toHaveLength(1);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        document: 1,
        path: 'kind',
        message: `${FILE}:22: kind: "Dashboard" is not an OpenSLO kind this suite reads; the document is ignored`,
      }),
    ]);
  });

  it('tolerates AlertCondition, DataSource, Service, AlertNotificationTarget and BudgetAdjustment silently', () => {
    const others = [
      'AlertCondition',
      'DataSource',
      'Service',
      'AlertNotificationTarget',
      'BudgetAdjustment',
    ]
      .map(
        kind =>
          `apiVersion: openslo/v1\nkind: ${kind}\nmetadata:\n  name: x\nspec: {}\n`,
      )
      .join('---\n');
    const result = parse(`${others}---\n${openSloSlo('kept')}`);
    expect(result.problems).toEqual([]);
    expect(result.slos).toHaveLength(1);
  });
});

describe('parseSloFile problems: targets', () => {
  it('reports a missing target', () => {
    const result = parse(
      openSloSlo('no-target', {
        objectives: '  objectives:\n    - displayName: Good',
      }),
    );
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        message: `${FILE}:18 SLO "no-target": spec.objectives[0].target: missing: the objective has neither target nor targetPercent`,
        file: FILE,
        document: 0,
        path: 'spec.objectives[0].target',
        howToFix: expect.stringContaining('targetPercent'),
      },
    ]);
  });

  it('says that target: 99.9 looks like a percentage', () => {
    const result = parse(
      openSloSlo('percent', {
        objectives: '  objectives:\n    - target: 99.9',
      }),
    );
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'spec.objectives[0].target',
        message: `${FILE}:18 SLO "percent": spec.objectives[0].target: 99.9 looks like a percentage: use targetPercent: 99.9 or target: 0.999`,
      }),
    ]);
  });

  it.each([1, 100, 250, 0, -0.5])(
    'reports target %s as outside (0,1)',
    target => {
      const result = parse(
        openSloSlo('out', {
          objectives: `  objectives:\n    - target: ${target}`,
        }),
      );
      expect(result.slos).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'spec.objectives[0].target',
          message: expect.stringContaining(
            `spec.objectives[0].target: ${target} is outside (0,1)`,
          ),
        }),
      ]);
    },
  );

  it.each([100, 0, -1, 150])(
    'reports targetPercent %s as outside (0,100)',
    percent => {
      const result = parse(
        openSloSlo('out', {
          objectives: `  objectives:\n    - targetPercent: ${percent}`,
        }),
      );
      expect(result.slos).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'spec.objectives[0].targetPercent',
          message: expect.stringContaining(`${percent} is outside (0,100)`),
        }),
      ]);
    },
  );

  it('keeps the valid objectives of an SLO beside an invalid one', () => {
    const result = parse(
      openSloSlo('mixed', {
        objectives:
          '  objectives:\n    - displayName: ok\n      target: 0.99\n    - displayName: bad\n      target: 1.5',
      }),
    );
    expect(result.slos.map(slo => slo.name)).toEqual(['mixed-ok']);
    expect(result.problems).toEqual([
      expect.objectContaining({ path: 'spec.objectives[1].target' }),
    ]);
  });

  it('warns when target and targetPercent disagree and uses target', () => {
    const result = parse(
      openSloSlo('both', {
        objectives:
          '  objectives:\n    - target: 0.99\n      targetPercent: 99.9',
      }),
    );
    expect(result.slos[0].target).toBe(0.99);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'spec.objectives[0].targetPercent',
      }),
    ]);
  });

  it('reports a target of the wrong type, naming the field', () => {
    const result = parse(
      openSloSlo('typed', { objectives: '  objectives:\n    - target: high' }),
    );
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'spec.objectives[0].target',
        message: expect.stringContaining(
          `${FILE}:18 SLO "typed": spec.objectives[0].target: Invalid input: expected number, received string`,
        ),
      }),
    ]);
  });

  it.each([
    [100, 'is outside (0,100)'],
    [0, 'is outside (0,100)'],
    [120, 'is outside (0,100)'],
  ])('reports a Sloth objective of %s', (objective, text) => {
    const result = parse(
      slothFile(`  - name: bad\n    objective: ${objective}\n${SLOTH_EVENTS}`),
    );
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        document: 0,
        path: 'slos[0].objective',
        message: `${FILE}:5 SLO "bad": slos[0].objective: ${objective} ${text}: Sloth objectives are percentages above 0 and below 100`,
      }),
    ]);
  });

  it('reports a missing Sloth objective and keeps the other SLOs of the file', () => {
    const result = parse(
      slothFile(
        `  - name: no-objective\n${SLOTH_EVENTS}\n  - name: fine\n    objective: 99.5\n${SLOTH_EVENTS}`,
      ),
    );
    expect(result.slos.map(slo => slo.name)).toEqual(['fine']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'slos[0].objective',
        message: expect.stringContaining(
          'missing: every Sloth SLO needs an objective',
        ),
      }),
    ]);
  });

  it('warns about a Sloth objective that looks like a ratio but keeps it', () => {
    const result = parse(
      slothFile(`  - name: tiny\n    objective: 0.999\n${SLOTH_EVENTS}`),
    );
    expect(result.slos[0].target).toBe(0.00999);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'slos[0].objective',
        message: expect.stringContaining('did you mean 99.9?'),
      }),
    ]);
  });
});

describe('parseSloFile problems: time windows', () => {
  it.each([
    ['missing', ''],
    ['empty', '  timeWindow: []'],
    ['null', '  timeWindow:'],
  ])(
    'reads an SLO whose timeWindow is %s with the 28-day rolling default, with a warning',
    (_, timeWindow) => {
      const result = parse(openSloSlo('no-window', { timeWindow }));
      expect(result.slos).toEqual([
        expect.objectContaining({
          window: '28d',
          windowMinutes: 28 * 24 * 60,
          rolling: true,
          errorBudget: 0.001,
          allowedBadMinutes: 40.32,
        }),
      ]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'warning',
          path: 'spec.timeWindow',
          message: expect.stringContaining(
            "spec.timeWindow: missing; the SLO is read with a 28d rolling window, the suite's default",
          ),
        }),
      ]);
    },
  );

  it('reports a timeWindow with two elements', () => {
    const result = parse(
      openSloSlo('two-windows', {
        timeWindow:
          '  timeWindow:\n    - duration: 28d\n      isRolling: true\n    - duration: 7d\n      isRolling: true',
      }),
    );
    expect(result.slos).toEqual([]);
    expect(result.problems[0].message).toContain(
      'spec.timeWindow: must have exactly one element, it has 2',
    );
  });

  it('reports a missing duration', () => {
    const result = parse(
      openSloSlo('no-duration', {
        timeWindow: '  timeWindow:\n    - isRolling: true',
      }),
    );
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        path: 'spec.timeWindow[0].duration',
        message: expect.stringContaining(
          'spec.timeWindow[0].duration: missing',
        ),
      }),
    ]);
  });

  it.each(['30 days', '30D', '0d', '1.5w', 'P30D'])(
    'reports the invalid duration %s',
    duration => {
      const result = parse(
        openSloSlo('bad-duration', {
          timeWindow: `  timeWindow:\n    - duration: ${duration}\n      isRolling: true`,
        }),
      );
      expect(result.slos).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          path: 'spec.timeWindow[0].duration',
          message: expect.stringContaining(
            `"${duration}" is not a duration such as 28d or 1M`,
          ),
        }),
      ]);
    },
  );

  it('warns that 1m is one minute but still counts the SLO', () => {
    const result = parse(
      openSloSlo('minute', {
        timeWindow: '  timeWindow:\n    - duration: 1m\n      isRolling: true',
      }),
    );
    expect(result.slos).toEqual([
      expect.objectContaining({
        name: 'minute',
        window: '1m',
        windowMinutes: 1,
        allowedBadMinutes: 0.001,
      }),
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'spec.timeWindow[0].duration',
        message: `${FILE}:14 SLO "minute": spec.timeWindow[0].duration: 1m is one minute; did you mean 1M (one month)?`,
      }),
    ]);
  });

  it('warns about a window of hours', () => {
    const result = parse(
      openSloSlo('hours', {
        timeWindow: '  timeWindow:\n    - duration: 12h\n      isRolling: true',
      }),
    );
    expect(result.slos).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('12h is 12 hours, shorter than a day'),
    });
  });
});

describe('parseSloFile problems: names and references', () => {
  it('reports duplicate SLO names on the second; only the first counts', () => {
    const result = parse(
      `${openSloSlo('checkout-availability')}\n---\n${openSloSlo(
        'checkout-availability',
        {
          objectives: '  objectives:\n    - target: 0.95',
        },
      )}`,
    );
    expect(result.slos).toEqual([
      expect.objectContaining({
        name: 'checkout-availability',
        target: 0.999,
        document: 0,
      }),
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        document: 1,
        path: 'metadata.name',
        message: expect.stringContaining(
          'SLO name "checkout-availability" is already used by document 0; only the first counts',
        ),
      }),
    ]);
  });

  it('reports duplicates across Sloth and OpenSLO documents', () => {
    const result = parse(
      `${slothFile(
        `  - name: latency\n    objective: 99\n${SLOTH_EVENTS}`,
      )}\n---\n${openSloSlo('latency', { extra: '  service: payments' })}`,
    );
    expect(result.slos).toEqual([expect.objectContaining({ source: 'sloth' })]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        document: 1,
        path: 'metadata.name',
        message: expect.stringContaining(
          'SLO name "latency" of service "payments" is already used by document 0',
        ),
      }),
    ]);
  });

  it('keeps SLOs of one name in different services: an SLO is its service and name', () => {
    const result = parse(
      `${slothFile(
        `  - name: slo1\n    objective: 99\n${SLOTH_EVENTS}`,
      )}\n---\n${slothFile(
        `  - name: slo1\n    objective: 99.9\n${SLOTH_EVENTS}`,
      ).replace('service: payments', 'service: ledger')}`,
    );
    expect(result.problems).toEqual([]);
    expect(result.slos.map(slo => [slo.service, slo.name, slo.target])).toEqual(
      [
        ['payments', 'slo1', 0.99],
        ['ledger', 'slo1', 0.999],
      ],
    );
  });

  it('reports a duplicate inside one Sloth document at the later entry', () => {
    const result = parse(
      slothFile(
        `  - name: same\n    objective: 99\n${SLOTH_EVENTS}\n  - name: same\n    objective: 98\n${SLOTH_EVENTS}`,
      ),
    );
    expect(result.slos).toEqual([expect.objectContaining({ target: 0.99 })]);
    expect(result.problems).toEqual([
      expect.objectContaining({ path: 'slos[1].name' }),
    ]);
  });

  it('reports an indicatorRef to an SLI that is not in the file; the SLO is invalid', () => {
    const result = parse(
      `apiVersion: openslo/v1
kind: SLI
metadata:
  name: other-sli
spec:
  ratioMetric: {}
---
${openSloSlo('dangling', { indicator: '  indicatorRef: missing-sli' })}`,
    );
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        document: 1,
        path: 'spec.indicatorRef',
        message: `${FILE}:13 SLO "dangling": spec.indicatorRef: "missing-sli" is not an SLI in the SLO files read (SLIs there: other-sli); the SLO is invalid`,
      }),
    ]);
  });

  it('reports an SLO with neither indicator nor indicatorRef', () => {
    const result = parse(
      openSloSlo('no-sli', { indicator: '  service: checkout' }),
    );
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'spec',
        message: expect.stringContaining(
          'spec: has neither indicator (an inline SLI) nor indicatorRef',
        ),
      }),
    ]);
  });

  it('reports every problem of an invalid SLO at once', () => {
    const result = parse(
      openSloSlo('many', {
        indicator: '  indicatorRef: nope',
        timeWindow: '',
        objectives: '  objectives:\n    - target: 99.9',
      }),
    );
    expect(result.slos).toEqual([]);
    expect(result.problems.map(problem => problem.path)).toEqual([
      'spec.indicatorRef',
      'spec.timeWindow',
      'spec.objectives[0].target',
    ]);
  });

  it('reports a missing SLO name', () => {
    const result = parse(
      openSloSlo('x').replace('  name: x\n', '  displayName: X\n'),
    );
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'error', path: 'metadata.name' }),
    ]);
  });

  it.each([
    [
      'none of',
      '    sli: {}',
      'slos[0].sli: has none of events, raw or plugin',
    ],
    ['no sli at all', '', 'slos[0].sli: has none of events, raw or plugin'],
    [
      'several of',
      `${SLOTH_EVENTS}\n      raw:\n        error_ratio_query: x`,
      'slos[0].sli: sets events and raw; exactly one of events, raw or plugin is allowed',
    ],
  ])('reports a Sloth sli with %s events/raw/plugin', (_, sli, text) => {
    const result = parse(slothFile(`  - name: s\n    objective: 99\n${sli}`));
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'slos[0].sli',
        message: expect.stringContaining(text),
      }),
    ]);
  });

  it('counts an alertPolicyRef to a policy outside the file as alerting, with a warning', () => {
    const result = parse(
      openSloSlo('alerted', {
        extra: '  alertPolicies:\n    - alertPolicyRef: shared-fast-burn',
      }),
    );
    expect(result.slos[0].hasAlerting).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'spec.alertPolicies[0]',
        message: expect.stringContaining(
          'references AlertPolicy "shared-fast-burn", which is in none of the SLO files read; alerting still counts as defined',
        ),
      }),
    ]);
  });

  it('resolves a { kind: AlertPolicy, metadata.name } reference to a policy of the file', () => {
    const result = parse(
      `apiVersion: openslo/v1\nkind: AlertPolicy\nmetadata:\n  name: burn\nspec: {}\n---\n${openSloSlo(
        'alerted',
        {
          extra:
            '  alertPolicies:\n    - kind: AlertPolicy\n      metadata:\n        name: burn',
        },
      )}`,
    );
    expect(result.problems).toEqual([]);
    expect(result.slos[0].hasAlerting).toBe(true);
  });

  it('warns about an alert policy entry it cannot read', () => {
    const result = parse(
      openSloSlo('odd', { extra: '  alertPolicies:\n    - 42' }),
    );
    expect(result.slos[0].hasAlerting).toBe(false);
    expect(result.problems[0]).toMatchObject({
      severity: 'warning',
      path: 'spec.alertPolicies[0]',
    });
  });

  it('warns about a reliability/sli label that is not an SLI kind and infers instead', () => {
    const result = parse(
      openSloSlo('api-latency').replace(
        '  name: api-latency\n',
        '  name: api-latency\n  labels:\n    reliability/sli: speed\n',
      ),
    );
    expect(result.slos[0].sli).toBe('latency');
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'metadata.labels.reliability/sli',
      }),
    ]);
  });
});

describe('parseSloFile problems: budgeting', () => {
  it('reports an unknown budgetingMethod', () => {
    const result = parse(openSloSlo('b').replace('Occurrences', 'Events'));
    expect(result.slos).toEqual([]);
    expect(result.problems[0]).toMatchObject({
      severity: 'error',
      path: 'spec.budgetingMethod',
    });
  });

  it('warns about a missing budgetingMethod and assumes Occurrences', () => {
    const result = parse(
      openSloSlo('b').replace('  budgetingMethod: Occurrences\n', ''),
    );
    expect(result.slos[0].budgetingMethod).toBe('Occurrences');
    expect(result.problems[0]).toMatchObject({
      severity: 'warning',
      path: 'spec.budgetingMethod',
    });
  });

  it('warns about Timeslices without timeSliceTarget and timeSliceWindow', () => {
    const result = parse(openSloSlo('t').replace('Occurrences', 'Timeslices'));
    expect(result.slos).toHaveLength(1);
    expect(
      result.problems.map(problem => [problem.severity, problem.path]),
    ).toEqual([
      ['warning', 'spec.objectives[0].timeSliceTarget'],
      ['warning', 'spec.objectives[0].timeSliceWindow'],
    ]);
  });
});
