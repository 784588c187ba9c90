export {};
//# sourceMappingURL=pricesWithFallback.test.d.ts.map
