export {};
//# sourceMappingURL=offlineReplaySource.test.d.ts.map
