import type { ProviderConfig } from '../config/providerConfig.js';
import { ProviderResponseError } from '../errors/providerResponseError.js';
import { ProviderHttpClient, type ClientOverrides } from '../http/providerHttpClient.js';
import type { MacroObservation, MacroSeries } from '../model/marketData.js';
import type { DateRange, MacroSeriesSource } from '../model/sources.js';
import { fredProtocol } from './fredProtocol.js';
import { fredObservations } from './fredSchemas.js';

/** FRED's largest page. */
const pageLimit = 100_000;

/** FRED's marker for a missing observation. */
const missingMarker = '.';

/**
 * St. Louis Fed FRED `series/observations` (JSON). Pages with `offset`/`limit` until
 * `count` observations are read (a page that repeats earlier dates is a typed error, not
 * an endless loop). A `"."` value becomes `null` — never 0.
 */
export class FredClient implements MacroSeriesSource {
  readonly http: ProviderHttpClient;

  constructor(config: ProviderConfig, overrides: ClientOverrides = {}) {
    this.http = new ProviderHttpClient({
      protocol: fredProtocol,
      settings: config.providers.fred,
      resilience: config.resilience,
      ...overrides,
    });
  }

  /** Observations of each series in the range, ascending. */
  async macroSeries(
    request: DateRange & { readonly seriesIds: readonly string[] },
    signal?: AbortSignal,
  ): Promise<MacroSeries[]> {
    return Promise.all(
      request.seriesIds.map(async (seriesId) => ({
        series_id: seriesId,
        provider: 'fred' as const,
        observations: await this.observations(seriesId, request, signal),
      })),
    );
  }

  private async observations(
    seriesId: string,
    range: DateRange,
    signal?: AbortSignal,
  ): Promise<MacroObservation[]> {
    const endpoint = '/fred/series/observations';
    const out: MacroObservation[] = [];
    for (;;) {
      const page = await this.http.get(
        fredObservations,
        {
          endpoint,
          path: endpoint,
          query: {
            series_id: seriesId,
            file_type: 'json',
            observation_start: range.from,
            observation_end: range.to,
            sort_order: 'asc',
            limit: pageLimit,
            offset: out.length,
          },
        },
        signal,
      );
      const lastDate = out.at(-1)?.date ?? '';
      const firstNew = page.observations[0];
      if (firstNew !== undefined && firstNew.date <= lastDate) {
        throw new ProviderResponseError(
          'fred',
          endpoint,
          'observations[0].date',
          firstNew.date,
          `a date after ${lastDate} on the page at offset ${out.length} (paging made no progress)`,
        );
      }
      for (const row of page.observations) {
        out.push({ date: row.date, value: row.value === missingMarker ? null : row.value });
      }
      if (page.observations.length === 0 || out.length >= page.count) return out;
    }
  }
}
