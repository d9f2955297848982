/** A sample of an instant query: its labels and value (NaN and ±Inf as Prometheus sends them). */
export interface PrometheusSample {
  metric: Record<string, string>;
  value: number;
}

/** A range query's series: its labels and [unix seconds, value] points. */
export interface PrometheusSeries {
  metric: Record<string, string>;
  values: Array<[number, number]>;
}

/**
 * Why a query failed, in words fit for a status reason: the instance could not be reached,
 * timed out, answered with an HTTP error, or rejected the query (`bad_data`).
 */
export class PrometheusError extends Error {
  readonly name = 'PrometheusError';
  constructor(
    message: string,
    /** `bad_data` when Prometheus rejected the query itself; else the transport failed. */
    readonly kind: 'unreachable' | 'timeout' | 'http' | 'bad_data' | 'invalid',
  ) {
    super(message);
  }
}

export interface PrometheusClientOptions {
  name: string;
  baseUrl: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Requests in flight at once; the rest wait their turn. */
  concurrency: number;
  fetch?: typeof fetch;
}

/**
 * The Prometheus HTTP query API (`/api/v1/query`, `/api/v1/query_range`), spoken by
 * Prometheus, Thanos, Mimir and VictoriaMetrics. Queries are POSTed as forms so long,
 * batched expressions never hit URL limits. Every failure is a PrometheusError that says
 * what went wrong and where, never a raw socket error.
 */
export class PrometheusClient {
  readonly name: string;
  readonly #options: PrometheusClientOptions;
  readonly #fetch: typeof fetch;
  #inFlight = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(options: PrometheusClientOptions) {
    this.name = options.name;
    this.#options = options;
    this.#fetch = options.fetch ?? fetch;
  }

  /** An instant query at `time`; vector results only (scalars become one unlabelled sample). */
  async query(expr: string, time: Date): Promise<PrometheusSample[]> {
    const data = await this.#post('/api/v1/query', {
      query: expr,
      time: (time.getTime() / 1000).toFixed(3),
    });
    if (data.resultType === 'scalar') {
      return [{ metric: {}, value: toNumber(data.result[1]) }];
    }
    if (data.resultType !== 'vector' || !Array.isArray(data.result)) {
      throw new PrometheusError(
        `Prometheus "${this.name}" answered a ${data.resultType} where a vector was expected`,
        'invalid',
      );
    }
    return data.result.map((sample: any) => ({
      metric: sample.metric ?? {},
      value: toNumber(sample.value?.[1]),
    }));
  }

  /** A range query from `start` to `end` every `stepSeconds`. */
  async queryRange(
    expr: string,
    start: Date,
    end: Date,
    stepSeconds: number,
  ): Promise<PrometheusSeries[]> {
    const data = await this.#post('/api/v1/query_range', {
      query: expr,
      start: (start.getTime() / 1000).toFixed(3),
      end: (end.getTime() / 1000).toFixed(3),
      step: String(stepSeconds),
    });
    if (data.resultType !== 'matrix' || !Array.isArray(data.result)) {
      throw new PrometheusError(
        `Prometheus "${this.name}" answered a ${data.resultType} where a matrix was expected`,
        'invalid',
      );
    }
    return data.result.map((series: any) => ({
      metric: series.metric ?? {},
      values: (series.values ?? []).map((point: [number, string]) => [
        Number(point[0]),
        toNumber(point[1]),
      ]),
    }));
  }

  async #post(path: string, form: Record<string, string>): Promise<any> {
    await this.#acquire();
    try {
      return await this.#send(path, form);
    } finally {
      this.#release();
    }
  }

  async #send(path: string, form: Record<string, string>): Promise<any> {
    const url = `${this.#options.baseUrl}${path}`;
    const where = `Prometheus "${this.name}" (${this.#options.baseUrl})`;
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: 'POST',
        headers: {
          ...this.#options.headers,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
    } catch (error) {
      // A DOMException, which is not an Error in every realm (Jest's among them).
      const errorName = (error as { name?: string } | undefined)?.name;
      const timedOut =
        errorName === 'TimeoutError' || errorName === 'AbortError';
      if (timedOut) {
        throw new PrometheusError(
          `${where} did not answer within ${this.#options.timeoutMs / 1000} s`,
          'timeout',
        );
      }
      const cause = (error as { cause?: { code?: string; message?: string } })
        ?.cause;
      throw new PrometheusError(
        `${where} cannot be reached: ${
          cause?.code ?? cause?.message ?? String(error)
        }`,
        'unreachable',
      );
    }
    const text = await response.text().catch(() => '');
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body?.status === 'error') {
      throw new PrometheusError(
        `${where} rejected the query: ${body.errorType ?? 'error'}: ${
          body.error ?? 'no message'
        }`,
        body.errorType === 'bad_data' ? 'bad_data' : 'http',
      );
    }
    if (!response.ok) {
      throw new PrometheusError(
        `${where} answered HTTP ${response.status}${
          text ? `: ${text.slice(0, 200)}` : ''
        }`,
        'http',
      );
    }
    if (body?.status !== 'success' || typeof body.data !== 'object') {
      throw new PrometheusError(
        `${where} did not answer with the Prometheus query API's JSON`,
        'invalid',
      );
    }
    return body.data;
  }

  async #acquire(): Promise<void> {
    if (this.#inFlight < this.#options.concurrency) {
      this.#inFlight++;
      return;
    }
    await new Promise<void>(resolve => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) {
      // The slot passes straight to the next request.
      next();
    } else {
      this.#inFlight--;
    }
  }
}

/** Prometheus sends values as strings: "1.5", "NaN", "+Inf". */
function toNumber(value: unknown): number {
  if (value === '+Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  return Number(value);
}
