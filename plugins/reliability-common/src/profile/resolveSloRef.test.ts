import type { Entity } from '@backstage/catalog-model';
import { resolveSloRef } from './resolveSloRef';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
    spec: {},
  };
}

const FILE_LOCATION = 'file:/srv/catalog/services/checkout/catalog-info.yaml';
const URL_LOCATION =
  'url:https://github.com/acme/checkout/blob/main/catalog-info.yaml';

function resolve(ref: string, location?: string) {
  return resolveSloRef(
    entity({
      'reliability/slo-ref': ref,
      ...(location && { 'backstage.io/managed-by-location': location }),
    }),
  );
}

describe('resolveSloRef', () => {
  it('takes url: targets as they are', () => {
    expect(
      resolve('url:https://slo.example.com/checkout.yaml', FILE_LOCATION),
    ).toEqual({
      type: 'url',
      target: 'https://slo.example.com/checkout.yaml',
    });
    expect(resolve('url:https://slo.example.com/checkout.yaml')).toEqual({
      type: 'url',
      target: 'https://slo.example.com/checkout.yaml',
    });
  });

  it.each([
    [
      './slos/checkout.yaml',
      '/srv/catalog/services/checkout/slos/checkout.yaml',
    ],
    ['slos/checkout.yaml', '/srv/catalog/services/checkout/slos/checkout.yaml'],
    ['../common/slos.yaml', '/srv/catalog/services/common/slos.yaml'],
    ['./a/../b/./c.yaml', '/srv/catalog/services/checkout/b/c.yaml'],
    ['../../../../../../x.yaml', '/x.yaml'],
  ])('resolves %s against a file: location', (ref, target) => {
    expect(resolve(ref, FILE_LOCATION)).toEqual({ type: 'file', target });
  });

  it('accepts a file:// location', () => {
    expect(resolve('./slos.yaml', 'file:///srv/catalog-info.yaml')).toEqual({
      type: 'file',
      target: '/srv/slos.yaml',
    });
  });

  it.each([
    [
      './slos/checkout.yaml',
      'https://github.com/acme/checkout/blob/main/slos/checkout.yaml',
    ],
    [
      'slos/checkout.yaml',
      'https://github.com/acme/checkout/blob/main/slos/checkout.yaml',
    ],
    [
      '../common/slos.yaml',
      'https://github.com/acme/checkout/blob/common/slos.yaml',
    ],
  ])('resolves %s against a url: location', (ref, target) => {
    expect(resolve(ref, URL_LOCATION)).toEqual({ type: 'url', target });
  });

  it.each([
    ['/etc/slos.yaml', 'an absolute path'],
    ['file:/etc/slos.yaml', 'the file: scheme is not supported'],
    ['https://slo.example.com/x.yaml', 'the https: scheme is not supported'],
    ['s3://bucket/x.yaml', 'the s3: scheme is not supported'],
    ['url:slos/x.yaml', 'after url: comes an absolute http(s) URL'],
    ['url:ftp://host/x.yaml', 'after url: comes an absolute http(s) URL'],
  ])('reports %s', (ref, text) => {
    const result = resolve(ref, FILE_LOCATION);
    expect(result).toEqual({
      problem: expect.objectContaining({
        severity: 'error',
        field: 'reliability/slo-ref',
        message: expect.stringContaining(text),
        howToFix: expect.any(String),
      }),
    });
  });

  it('suggests the url: prefix for a bare https URL', () => {
    const result = resolve('https://slo.example.com/x.yaml', FILE_LOCATION);
    expect('problem' in result && result.problem.howToFix).toBe(
      'Prefix the URL with url:, i.e. `url:https://slo.example.com/x.yaml`.',
    );
  });

  it('reports a relative path without a managed-by-location', () => {
    const result = resolve('./slos.yaml');
    expect(result).toEqual({
      problem: expect.objectContaining({
        message:
          'reliability/slo-ref is the relative path "./slos.yaml", but the entity has no backstage.io/managed-by-location to resolve it against',
      }),
    });
  });

  it.each([
    'github-discovery:https://github.com/acme',
    'file:relative/catalog-info.yaml',
    'url:not-a-url',
  ])('reports a relative path against the unusable location %s', location => {
    expect(resolve('./slos.yaml', location)).toEqual({
      problem: expect.objectContaining({
        field: 'reliability/slo-ref',
        message: expect.stringContaining('cannot be resolved'),
      }),
    });
  });

  it('reports a missing annotation', () => {
    expect(resolveSloRef(entity({}))).toEqual({
      problem: expect.objectContaining({
        message: 'reliability/slo-ref is not set',
      }),
    });
  });
});
