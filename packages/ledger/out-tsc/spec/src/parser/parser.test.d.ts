export {};
//# sourceMappingURL=parser.test.d.ts.map