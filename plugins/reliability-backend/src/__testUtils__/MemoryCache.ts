import type {
  CacheService,
  CacheServiceSetOptions,
} from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';

/** A plain in-memory CacheService that records the TTLs it was given. */
export class MemoryCache implements CacheService {
  readonly entries = new Map<string, JsonValue>();
  readonly ttls = new Map<string, CacheServiceSetOptions['ttl']>();

  async get<TValue extends JsonValue>(
    key: string,
  ): Promise<TValue | undefined> {
    return this.entries.get(key) as TValue | undefined;
  }

  async set(
    key: string,
    value: JsonValue,
    options?: CacheServiceSetOptions,
  ): Promise<void> {
    this.entries.set(key, value);
    this.ttls.set(key, options?.ttl);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  withOptions(): CacheService {
    return this;
  }
}
