import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ReliabilityReport } from '@reliability-suite/plugin-reliability-common';
import type { ReliabilityApi, ReliabilityGateResponse } from './ReliabilityApi';

/** Talks to the reliability backend through the app's discovery and (authenticated) fetch APIs. */
export class ReliabilityClient implements ReliabilityApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getReport(entityRef: CompoundEntityRef): Promise<ReliabilityReport> {
    return this.request<ReliabilityReport>(entityPath(entityRef, 'report'));
  }

  async getGate(
    entityRef: CompoundEntityRef,
  ): Promise<ReliabilityGateResponse> {
    return this.request<ReliabilityGateResponse>(entityPath(entityRef, 'gate'));
  }

  async refresh(entityRef: CompoundEntityRef): Promise<ReliabilityReport> {
    return this.request<ReliabilityReport>(entityPath(entityRef, 'refresh'), {
      method: 'POST',
    });
  }

  /**
   * Sends one request below the plugin's base URL and parses the JSON body.
   * Other engineers' methods (reviews, coverage) go through here as well.
   */
  protected async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `/v1/entities/{kind}/{namespace}/{name}/{leaf}` with every segment URI-encoded. */
export function entityPath(entityRef: CompoundEntityRef, leaf: string): string {
  const segments = [entityRef.kind, entityRef.namespace, entityRef.name].map(
    encodeURIComponent,
  );
  return `/v1/entities/${segments.join('/')}/${leaf}`;
}
