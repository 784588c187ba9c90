export {};
//# sourceMappingURL=redactor.test.d.ts.map
