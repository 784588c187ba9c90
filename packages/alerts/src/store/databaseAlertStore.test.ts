import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '@truth-spine/store/testing';
import { alertStoreContract } from './alertStoreContract.js';
import { DatabaseAlertStore } from './databaseAlertStore.js';

describe.each(testDatabaseKinds())('DatabaseAlertStore on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(kind);
  }, 60_000);
  afterAll(async () => {
    await test?.dispose();
  });
  // Every check expects an empty store: one database per file, emptied between checks.
  beforeEach(async () => {
    await test.db.query(
      'truncate alert_channel_deliveries, alert_deliveries, alert_events, alert_states, dead_letters',
    );
  });

  for (const check of alertStoreContract) {
    it(check.name, () => check.run(new DatabaseAlertStore(test.db)));
  }
});
