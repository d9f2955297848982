import { parseSloFiles } from './parseSloFiles';

const SLI = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: good-requests
spec:
  ratioMetric:
    good:
      metricSource:
        metricSourceRef: prom
        spec:
          query: sum(rate(http_requests_total{code!~"5.."}[5m]))
    total:
      metricSource:
        metricSourceRef: prom
        spec:
          query: sum(rate(http_requests_total[5m]))
`;

const DATA_SOURCE = `apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prom
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus:9090
`;

const POLICY = `apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: fast-burn
spec:
  conditions:
    - conditionRef: burn-14x
`;

const SLO = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: api-availability
spec:
  service: api
  indicatorRef: good-requests
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.995
  alertPolicies:
    - alertPolicyRef: fast-burn
`;

describe('parseSloFiles', () => {
  it('resolves indicatorRef and alertPolicyRef across files', () => {
    const result = parseSloFiles([
      { location: 'slos/slo.yaml', text: SLO },
      { location: 'slos/slis.yaml', text: SLI },
      {
        location: 'slos/shared.yaml',
        text: `${DATA_SOURCE}---\n${POLICY}`,
      },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.slos).toEqual([
      expect.objectContaining({
        name: 'api-availability',
        service: 'api',
        target: 0.995,
        window: '30d',
        errorBudget: 0.005,
        allowedBadMinutes: 216,
        hasAlerting: true,
        source: 'openslo',
      }),
    ]);
  });

  it('reports an indicatorRef found in none of the files, naming the SLIs there are', () => {
    const result = parseSloFiles([
      {
        location: 'a.yaml',
        text: `${SLO.replace('good-requests', 'nope')}---\n${POLICY}`,
      },
      { location: 'b.yaml', text: SLI },
    ]);
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'a.yaml',
        path: 'spec.indicatorRef',
        message: expect.stringContaining(
          '"nope" is not an SLI in the SLO files read (SLIs there: good-requests)',
        ),
      }),
    ]);
  });

  it('says what a file set without any SLO holds instead', () => {
    const result = parseSloFiles([
      { location: 'slis.yaml', text: SLI },
      { location: 'shared.yaml', text: `${DATA_SOURCE}---\n${POLICY}` },
    ]);
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'slis.yaml',
        message:
          'slis.yaml holds no SLO, only 1 SLI (good-requests): these define parts that SLOs use, but no kind: SLO document uses them',
      }),
      expect.objectContaining({
        file: 'shared.yaml',
        message: expect.stringContaining(
          'holds no SLO, only 1 DataSource (prom), 1 AlertPolicy (fast-burn)',
        ),
      }),
    ]);
  });

  it('says nothing of a file of SLIs when another file of the set holds the SLOs', () => {
    const result = parseSloFiles([
      { location: 'slis.yaml', text: SLI },
      {
        location: 'slo.yaml',
        text: SLO.replace(/ {2}alertPolicies:[^]*$/, ''),
      },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.slos).toHaveLength(1);
  });

  it('reports a duplicate SLO in another file with that file', () => {
    const result = parseSloFiles([
      { location: 'one.yaml', text: `${SLI}---\n${SLO}` },
      { location: 'two.yaml', text: SLO },
    ]);
    expect(result.slos).toHaveLength(1);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: 'two.yaml',
        path: 'metadata.name',
        message: expect.stringContaining(
          'SLO name "api-availability" of service "api" is already used by one.yaml document 1',
        ),
      }),
    );
  });

  it('reads an OpenSLO file written as a top-level list of objects, locating problems by item', () => {
    const list = [SLI, SLO.replace('target: 0.995', 'target: 1.5'), SLO]
      .map(
        (document, index) =>
          `- ${document
            .replace('api-availability', `api-availability-${index}`)
            .trimEnd()
            .split('\n')
            .join('\n  ')}`,
      )
      .join('\n');
    const result = parseSloFiles([{ location: 'list.yaml', text: list }]);
    expect(result.slos.map(slo => slo.name)).toEqual(['api-availability-2']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '[1].spec.alertPolicies[0]',
      }),
      expect.objectContaining({
        severity: 'error',
        document: 0,
        path: '[1].spec.objectives[0].target',
        message: expect.stringMatching(
          /^list\.yaml:29 SLO "api-availability-1": \[1\]\.spec\.objectives\[0\]\.target: 1\.5 looks like a percentage/,
        ),
      }),
      expect.objectContaining({
        severity: 'warning',
        path: '[2].spec.alertPolicies[0]',
      }),
    ]);
  });

  it('reads `alertPolicies:` with no value as no alert policy, not as an invalid SLO', () => {
    const text = `${SLI}---\n${SLO.replace(
      /alertPolicies:[^]*$/,
      'alertPolicies:\n',
    )}`;
    const result = parseSloFiles([{ location: 'null.yaml', text }]);
    expect(result.problems).toEqual([]);
    expect(result.slos).toEqual([
      expect.objectContaining({ name: 'api-availability', hasAlerting: false }),
    ]);
  });

  it('tells to drop op from an objective of a ratioMetric SLI, and keeps the SLO', () => {
    const text = `${SLI}---\n${SLO.replace(
      '    - target: 0.995',
      '    - op: gte\n      target: 0.995',
    ).replace(/ {2}alertPolicies:[^]*$/, '')}`;
    const result = parseSloFiles([{ location: 'op.yaml', text }]);
    expect(result.slos).toEqual([expect.objectContaining({ target: 0.995 })]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'spec.objectives[0].op',
        message: expect.stringContaining(
          'op apply only to thresholdMetric SLIs; this SLI is a ratioMetric, so it is ignored',
        ),
        howToFix: expect.stringContaining('Drop op from the objective'),
      }),
    ]);
  });

  it('keeps the files order, then the documents order', () => {
    const sloth = (service: string) =>
      `version: prometheus/v1\nservice: ${service}\nslos:\n  - name: availability\n    objective: 99.9\n    sli:\n      raw:\n        error_ratio_query: errors\n`;
    const result = parseSloFiles([
      { location: 'b.yaml', text: sloth('b') },
      { location: 'a.yaml', text: `${sloth('a1')}---\n${sloth('a2')}` },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.slos.map(slo => slo.service)).toEqual(['b', 'a1', 'a2']);
  });

  it('returns the SLOs of every file and names each problem by its own file', () => {
    const sloth = (service: string, name: string, objective: number) =>
      `version: prometheus/v1\nservice: ${service}\nslos:\n  - name: ${name}\n    objective: ${objective}\n    sli:\n      raw:\n        error_ratio_query: x\n`;
    const result = parseSloFiles([
      { location: 'file:/repo/a.yaml', text: sloth('a', 'avail', 99.9) },
      { location: 'file:/repo/b.yaml', text: sloth('b', 'latency', 100) },
      { location: 'file:/repo/c.yaml', text: sloth('c', 'errors', 99) },
    ]);
    expect(result.slos.map(slo => slo.name)).toEqual(['avail', 'errors']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'file:/repo/b.yaml',
        severity: 'error',
        path: 'slos[0].objective',
      }),
    ]);
  });

  it('returns nothing for no files', () => {
    expect(parseSloFiles([])).toEqual({ slos: [], problems: [] });
  });

  it('applies no size limit of its own unless asked: the file reader bounds sizes', () => {
    const padded = `# ${'x'.repeat(2 * 1024 * 1024)}\n${SLI}---\n${SLO.replace(
      / {2}alertPolicies:[^]*$/,
      '',
    )}`;
    expect(
      parseSloFiles([{ location: 'big.yaml', text: padded }]).slos,
    ).toHaveLength(1);
  });

  it('reports a file too large and an empty file, and reads the others', () => {
    const result = parseSloFiles(
      [
        { location: 'big.yaml', text: `# ${'x'.repeat(200)}\n${SLO}` },
        { location: 'empty.yaml', text: '# nothing\n' },
      ],
      { maxBytes: 100 },
    );
    expect(result.slos).toEqual([]);
    expect(result.problems.map(problem => problem.message)).toEqual([
      'big.yaml is larger than 100 bytes and was not parsed',
      'empty.yaml is empty: it has no YAML documents, or only comments',
    ]);
  });
});
