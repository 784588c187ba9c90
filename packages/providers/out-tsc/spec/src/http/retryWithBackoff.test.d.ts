export {};
//# sourceMappingURL=retryWithBackoff.test.d.ts.map
