export {};
//# sourceMappingURL=decimal.test.d.ts.map
