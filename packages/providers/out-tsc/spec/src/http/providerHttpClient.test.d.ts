export {};
//# sourceMappingURL=providerHttpClient.test.d.ts.map
