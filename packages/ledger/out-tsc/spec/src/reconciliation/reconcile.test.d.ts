export {};
//# sourceMappingURL=reconcile.test.d.ts.map