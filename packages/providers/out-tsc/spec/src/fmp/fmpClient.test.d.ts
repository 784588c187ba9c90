export {};
//# sourceMappingURL=fmpClient.test.d.ts.map
