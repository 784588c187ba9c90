export {};
//# sourceMappingURL=fredClient.test.d.ts.map
