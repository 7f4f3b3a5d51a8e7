/**
 * Starts a throwaway PostgreSQL + pgvector server (scripts/lib/throwaway-postgres.ts), prints its URL and
 * keeps it running until Ctrl-C, which deletes its data:
 *   npm run postgres:throwaway            # then, in another shell: DATABASE_URL=<printed url> npm start
 */
import { startThrowawayPostgres } from '../lib/throwaway-postgres.js';

const server = await startThrowawayPostgres();
console.log(`DATABASE_URL=${server.url}`);
console.error(`postgres pid ${server.pid}; Ctrl-C stops it and deletes its data`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
setInterval(() => undefined, 1 << 30);
