import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseSloFile, parseSloFileWithYaml } from './parseSloFile';
import * as quickYaml from './quickYaml';
import { seededRandom } from './__testUtils__/yamlGenerator';

jest.mock('./quickYaml', () => {
  const actual = jest.requireActual('./quickYaml');
  return { readDocumentsQuickly: jest.fn(actual.readDocumentsQuickly) };
});
const readDocumentsQuickly = quickYaml.readDocumentsQuickly as jest.Mock;

const sloFiles = [
  join(__dirname, '__fixtures__'),
  join(__dirname, '../../../../examples/slos'),
].flatMap(folder =>
  readdirSync(folder)
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => ({ name, text: readFileSync(join(folder, name), 'utf8') })),
);

/** Edits that keep a file YAML but often make an SLO invalid, or valid in another way. */
function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  const edits = [
    () => lines.splice(line, 1),
    () => lines.splice(line, 0, lines[line]),
    () => {
      lines[line] = lines[line].replace(/: .*$/, ': 101');
    },
    () => {
      lines[line] = lines[line].replace(/: .*$/, ': 7d');
    },
    () => {
      lines[line] = lines[line].replace(/: .*$/, ": ''");
    },
    () => {
      lines[line] = lines[line].replace(/: .*$/, ':');
    },
    () => {
      lines[line] = `  ${lines[line]}`;
    },
  ];
  edits[Math.floor(random() * edits.length)]();
  return lines.join('\n');
}

describe('parseSloFile with js-yaml first', () => {
  beforeEach(() => readDocumentsQuickly.mockClear());

  it('reads a valid file with js-yaml alone, to the same SLOs', () => {
    const { text } = sloFiles.find(file => file.name === 'checkout-web.yaml')!;
    const quick = parseSloFile(text, { file: 'slos/checkout-web.yaml' });
    expect(readDocumentsQuickly).toHaveBeenCalledTimes(1);
    expect(readDocumentsQuickly.mock.results[0].value).toBeDefined();
    expect(quick.problems).toEqual([]);
    expect(quick.slos.length).toBeGreaterThan(1);
    expect(quick).toEqual(
      parseSloFileWithYaml(text, { file: 'slos/checkout-web.yaml' }),
    );
  });

  it('reports a problem with its line, as read by yaml, when js-yaml read the file', () => {
    const text = [
      'version: prometheus/v1',
      'service: checkout',
      'slos:',
      '  - name: availability',
      '    objective: 101',
      '    sli:',
      '      events:',
      '        error_query: sum(rate(errors[{{.window}}]))',
      '        total_query: sum(rate(requests[{{.window}}]))',
      '',
    ].join('\n');
    const result = parseSloFile(text, { file: 'slos/checkout.yaml' });
    expect(readDocumentsQuickly.mock.results[0].value).toBeDefined();
    expect(result.problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^slos\/checkout\.yaml:5 /),
        path: 'slos[0].objective',
      }),
    ]);
    expect(result).toEqual(
      parseSloFileWithYaml(text, { file: 'slos/checkout.yaml' }),
    );
  });

  it('gives what yaml alone gives for every fixture and demo file and hundreds of edits of them', () => {
    const random = seededRandom(7);
    let compared = 0;
    for (const { name, text } of sloFiles) {
      const variants = [text];
      for (let i = 0; i < 60; i++) {
        variants.push(mutate(variants[i % 4 === 0 ? 0 : i], random));
      }
      for (const variant of variants) {
        expect({ name, variant, result: parseSloFile(variant) }).toEqual({
          name,
          variant,
          result: parseSloFileWithYaml(variant),
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    // Both paths were taken: the comparison covers the fast path's results too.
    const outcomes = readDocumentsQuickly.mock.results.map(
      result => result.value !== undefined,
    );
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });
});
