import { describe, it } from 'vitest';
import { alertStoreContract } from './alertStoreContract.js';
import { MemoryAlertStore } from './memoryAlertStore.js';

describe('MemoryAlertStore', () => {
  for (const check of alertStoreContract) {
    it(check.name, () => check.run(new MemoryAlertStore()));
  }
});
