export {};
//# sourceMappingURL=retryAfter.test.d.ts.map
