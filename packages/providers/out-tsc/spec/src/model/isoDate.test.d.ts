export {};
//# sourceMappingURL=isoDate.test.d.ts.map
