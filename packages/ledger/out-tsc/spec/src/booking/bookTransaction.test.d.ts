export {};
//# sourceMappingURL=bookTransaction.test.d.ts.map