export {};
//# sourceMappingURL=dates.test.d.ts.map