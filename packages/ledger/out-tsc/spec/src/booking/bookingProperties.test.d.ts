export {};
//# sourceMappingURL=bookingProperties.test.d.ts.map