export {};
//# sourceMappingURL=adrPayDateFx.test.d.ts.map