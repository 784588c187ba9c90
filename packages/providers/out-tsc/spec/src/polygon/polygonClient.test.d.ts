export {};
//# sourceMappingURL=polygonClient.test.d.ts.map
