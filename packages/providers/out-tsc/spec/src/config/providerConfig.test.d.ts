export {};
//# sourceMappingURL=providerConfig.test.d.ts.map
