export {};
//# sourceMappingURL=rateLimit.test.d.ts.map
