export {};
//# sourceMappingURL=errorBody.test.d.ts.map
