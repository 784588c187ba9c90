/**
 * Test helpers for other packages' tests: `@truth-spine/providers/testing`.
 * Not for production code (it reads fixtures from the package's source tree).
 */
export * from './fakeProviderServer.js';
export { fixtureJson, fixtureText } from './fixtureFiles.js';
export * from './testProviderConfig.js';
