export {};
//# sourceMappingURL=csvTable.test.d.ts.map
