/** The market-data sources this package knows. `offline` is the file-based replay source. */
export type ProviderId = 'fmp' | 'polygon' | 'fred' | 'newsapi' | 'offline';

/** The HTTP providers, in the order their settings are documented. */
export const httpProviderIds = ['fmp', 'polygon', 'fred', 'newsapi'] as const;

/** One of {@link httpProviderIds}. */
export type HttpProviderId = (typeof httpProviderIds)[number];
