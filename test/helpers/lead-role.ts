// A process that competes for one role on the configured storage (DATABASE_URL, else the SQLite data folder in
// STORYDESK_DATA_DIR) and prints `leading` / `standby` as that changes, until its stdin ends: a replica in
// miniature, for tests that kill one with SIGKILL.
import { pino } from 'pino';
import { storageBackendFor } from '../../src/app/storage-backends.js';
import { loadConfig } from '../../src/config/load-config.js';

const env = loadConfig(process.env);
const storage = await storageBackendFor(env).open({ dataDir: env.STORYDESK_DATA_DIR, logger: pino({ level: 'silent' }), command: `lead-role ${process.pid}` });
storage.endStartup();
const leadership = await storage.coordination.leadership(process.argv[2] ?? 'test-role');
const report = (leading: boolean): void => {
  process.stdout.write(`${leading ? 'leading' : 'standby'} ${process.pid}\n`);
};
report(leadership.leading);
leadership.onChange(report);
process.stdin.resume();
process.stdin.on('end', () => {
  void storage.close().then(() => process.exit(0));
});
