import {
  findPathTemplate,
  toJsonSchema,
  validateAgainstSpec,
} from './openApiSpec';

describe('openApiSpec', () => {
  it('rewrites nullable and boolean exclusive bounds to JSON Schema', () => {
    expect(
      toJsonSchema({
        type: 'number',
        nullable: true,
        minimum: 0,
        exclusiveMinimum: true,
      }),
    ).toEqual({
      anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }],
    });
  });

  it('matches request paths to templates', () => {
    expect(
      findPathTemplate(
        '/api/reliability/v1/entities/component/default/x/gate?a=1',
      ),
    ).toBe('/v1/entities/{kind}/{namespace}/{name}/gate');
    expect(findPathTemplate('/api/reliability/v1/nope')).toBeUndefined();
  });

  it('reports bodies that do not conform, and undocumented statuses', () => {
    const path = '/api/reliability/v1/entities/component/default/x/gate';
    expect(
      validateAgainstSpec({
        method: 'GET',
        path,
        status: 200,
        body: {
          decision: 'maybe',
          reasons: [],
          entityRef: 'component:default/x',
          tier: null,
          enforced: false,
          evaluatedAt: 'yesterday',
        },
      }),
    ).toEqual([
      '/decision must be equal to one of the allowed values',
      '/evaluatedAt must match format "date-time"',
    ]);
    expect(
      validateAgainstSpec({ method: 'GET', path, status: 418, body: {} }),
    ).toEqual([
      'GET /v1/entities/{kind}/{namespace}/{name}/gate does not document status 418',
    ]);
  });
});
