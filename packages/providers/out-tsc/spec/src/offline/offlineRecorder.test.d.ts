export {};
//# sourceMappingURL=offlineRecorder.test.d.ts.map
