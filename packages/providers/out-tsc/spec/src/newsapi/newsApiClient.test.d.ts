export {};
//# sourceMappingURL=newsApiClient.test.d.ts.map
