import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  AttestationWriteResponse,
  EntityReviewState,
  LatestReviewResponse,
  ReliabilityReport,
  ReviewHistoryPage,
  ReviewWriteResponse,
  WaiverWriteResponse,
} from '@reliability-suite/plugin-reliability-common';
import type {
  CoverageGroupBy,
  CoverageMeasure,
  CoverageResponse,
  EntityListFilter,
  EntityListResponse,
  EntitySort,
  HeatmapResponse,
  HistoryResponse,
  InboxResponse,
  MoversResponse,
  SloHistoryResponse,
  SloStatusOverview,
  TargetsResponse,
} from '@reliability-suite/plugin-reliability-common';
import { coverageViewParams } from '../lib/coverageParams';
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

  async getSloHistory(
    entityRef: CompoundEntityRef,
    slo: string,
    days?: number,
  ): Promise<SloHistoryResponse> {
    const query = days === undefined ? '' : `?days=${days}`;
    return this.request<SloHistoryResponse>(
      entityPath(entityRef, `slos/${encodeURIComponent(slo)}/history${query}`),
    );
  }

  async getSloStatusOverview(limit?: number): Promise<SloStatusOverview> {
    return this.request<SloStatusOverview>(
      `/v1/slo-status${limit === undefined ? '' : `?limit=${limit}`}`,
    );
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

  async getReviewState(
    entityRef: CompoundEntityRef,
  ): Promise<EntityReviewState> {
    return this.request(entityPath(entityRef, 'review-state'));
  }

  async attest(
    entityRef: CompoundEntityRef,
    checkId: string,
    body: { evidenceUrl: string; comment: string; expectedVersion: number },
  ): Promise<AttestationWriteResponse> {
    return this.request(
      entityPath(
        entityRef,
        `checks/${encodeURIComponent(checkId)}/attestations`,
      ),
      postJson(body),
    );
  }

  async revokeAttestation(
    entityRef: CompoundEntityRef,
    checkId: string,
    body: { comment?: string; expectedVersion: number },
  ): Promise<AttestationWriteResponse> {
    return this.request(
      entityPath(
        entityRef,
        `checks/${encodeURIComponent(checkId)}/attestations/revoke`,
      ),
      postJson(body),
    );
  }

  async requestWaiver(
    entityRef: CompoundEntityRef,
    checkId: string,
    body: { justification: string; expiresAt: string; expectedVersion: number },
  ): Promise<WaiverWriteResponse> {
    return this.request(
      entityPath(entityRef, `checks/${encodeURIComponent(checkId)}/waivers`),
      postJson(body),
    );
  }

  async decideWaiver(
    entityRef: CompoundEntityRef,
    waiverId: string,
    decision: 'approve' | 'reject',
    body: { comment: string; expectedVersion: number },
  ): Promise<WaiverWriteResponse> {
    return this.request(
      entityPath(
        entityRef,
        `waivers/${encodeURIComponent(waiverId)}/${decision}`,
      ),
      postJson(body),
    );
  }

  async requestReview(
    entityRef: CompoundEntityRef,
    body: { comment?: string },
  ): Promise<ReviewWriteResponse> {
    return this.request(entityPath(entityRef, 'reviews'), postJson(body));
  }

  async decideReview(
    entityRef: CompoundEntityRef,
    reviewId: string,
    decision: 'sign-off' | 'reject',
    body: { comment: string; expectedVersion: number },
  ): Promise<ReviewWriteResponse> {
    return this.request(
      entityPath(
        entityRef,
        `reviews/${encodeURIComponent(reviewId)}/${decision}`,
      ),
      postJson(body),
    );
  }

  async getLatestReview(
    entityRef: CompoundEntityRef,
  ): Promise<LatestReviewResponse> {
    return this.request(entityPath(entityRef, 'reviews/latest'));
  }

  async getReviewHistory(
    entityRef: CompoundEntityRef,
    page: { limit?: number; cursor?: string } = {},
  ): Promise<ReviewHistoryPage> {
    const query = new URLSearchParams();
    if (page.limit !== undefined) {
      query.set('limit', String(page.limit));
    }
    if (page.cursor) {
      query.set('cursor', page.cursor);
    }
    const encoded = query.toString();
    const suffix = encoded ? `?${encoded}` : '';
    return this.request(`${entityPath(entityRef, 'history')}${suffix}`);
  }

  async getCoverage(
    groupBy: CoverageGroupBy,
    filter: EntityListFilter = {},
  ): Promise<CoverageResponse> {
    const params = coverageViewParams(filter);
    params.set('groupBy', groupBy);
    return this.request(`/v1/coverage?${params}`);
  }

  async getCoverageTargets(): Promise<TargetsResponse> {
    return this.request('/v1/coverage/targets');
  }

  async getInbox(): Promise<InboxResponse> {
    return this.request('/v1/inbox');
  }

  async getCoverageHistory(options: {
    groupBy: 'tier' | 'owner';
    days?: number;
    filter?: EntityListFilter;
  }): Promise<HistoryResponse> {
    const params = coverageViewParams(options.filter ?? {});
    params.set('groupBy', options.groupBy);
    if (options.days !== undefined) params.set('days', String(options.days));
    return this.request(`/v1/coverage/history?${params}`);
  }

  async getCoverageMovers(options: {
    measure?: CoverageMeasure;
    limit?: number;
    filter?: EntityListFilter;
  }): Promise<MoversResponse> {
    const params = coverageViewParams(options.filter ?? {});
    if (options.measure) params.set('measure', options.measure);
    if (options.limit !== undefined) params.set('limit', String(options.limit));
    return this.request(`/v1/coverage/movers?${params}`);
  }

  async getCoverageHeatmap(
    filter: EntityListFilter = {},
  ): Promise<HeatmapResponse> {
    return this.request(`/v1/coverage/heatmap?${coverageViewParams(filter)}`);
  }

  async listCoverageEntities(options: {
    filter?: EntityListFilter;
    sort?: EntitySort;
    order?: 'asc' | 'desc';
    limit?: number;
    cursor?: string;
  }): Promise<EntityListResponse> {
    const params = coverageViewParams(options.filter ?? {}, options);
    if (options.limit !== undefined) params.set('limit', String(options.limit));
    if (options.cursor) params.set('cursor', options.cursor);
    return this.request(`/v1/coverage/entities?${params}`);
  }

  async downloadCoverageCsv(options: {
    filter?: EntityListFilter;
    sort?: EntitySort;
    order?: 'asc' | 'desc';
  }): Promise<Blob> {
    const baseUrl = await this.discoveryApi.getBaseUrl('reliability');
    const params = coverageViewParams(options.filter ?? {}, options);
    const response = await this.fetchApi.fetch(
      `${baseUrl}/v1/coverage/entities.csv?${params}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.blob();
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

function postJson(body: unknown): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}
