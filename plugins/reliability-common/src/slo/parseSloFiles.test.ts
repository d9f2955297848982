import { parseSloFiles } from './parseSloFiles';

const sloth = (service: string, name: string, objective: number) =>
  `version: prometheus/v1\nservice: ${service}\nslos:\n  - name: ${name}\n    objective: ${objective}\n    sli:\n      raw:\n        error_ratio_query: x\n`;

describe('parseSloFiles', () => {
  it('returns the SLOs of every file and names each problem by its own file', () => {
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
      }),
    ]);
  });

  it('returns nothing for no files', () => {
    expect(parseSloFiles([])).toEqual({ slos: [], problems: [] });
  });
});
