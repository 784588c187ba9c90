export {};
//# sourceMappingURL=example1.test.d.ts.map