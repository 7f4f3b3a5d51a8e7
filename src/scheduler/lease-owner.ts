import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A lease owner id for this process: host:pid:random. The random part tells apart two processes that reuse a
 * pid (a restarted container), so a lease left by a dead process is never taken for one's own.
 */
export function leaseOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
