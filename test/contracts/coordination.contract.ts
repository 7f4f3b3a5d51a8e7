import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/storage.js';
import { NoticeLog, untilLeading } from './coordination-waits.js';
import type { StorageFactory } from './storage-factory.js';

/**
 * Behaviour every `Coordination` shares: two storages opened over one location stand for two processes (two
 * replicas on one database, or a bot and an ingest on one data folder).
 */
export function describeCoordinationContract(factory: StorageFactory): void {
  describe(`${factory.name}: Coordination contract`, () => {
    const opened: Storage[] = [];
    afterEach(async () => {
      for (const storage of opened.splice(0)) await storage.close().catch(() => undefined);
    });

    /** Two processes' storage over one new location; neither keeps a start-up writer's role. */
    async function twoProcesses(): Promise<[Storage, Storage]> {
      const location = await factory.newLocation();
      const first = await factory.open(location);
      opened.push(first);
      first.endStartup();
      const second = await factory.open(location);
      opened.push(second);
      second.endStartup();
      return [first, second];
    }

    it('says first delivery exactly once per key, however many deliveries race across processes', async () => {
      const [a, b] = await twoProcesses();
      const deliveries = Array.from({ length: 12 }, (_, n) => (n % 2 === 0 ? a : b).coordination.firstDelivery('slack:Ev001'));
      expect((await Promise.all(deliveries)).filter(Boolean)).toHaveLength(1);
      expect(await b.coordination.firstDelivery('slack:Ev002')).toBe(true);
      expect(await a.coordination.firstDelivery('slack:Ev002')).toBe(false);
    });

    it('remembers delivered keys across a restart, per storage location', async () => {
      const location = await factory.newLocation();
      const first = await factory.open(location);
      expect(await first.coordination.firstDelivery('slack:Ev100')).toBe(true);
      await first.close();
      // A replica restarting while Slack still retries must not answer again.
      const restarted = await factory.open(location);
      opened.push(restarted);
      expect(await restarted.coordination.firstDelivery('slack:Ev100')).toBe(false);
      // Another location is another deployment: its keys are its own.
      const other = await factory.open(await factory.newLocation());
      opened.push(other);
      expect(await other.coordination.firstDelivery('slack:Ev100')).toBe(true);
    });

    it('lets one process lead a role; roles are independent; the standby takes over when the leader releases', async () => {
      const [a, b] = await twoProcesses();
      const leaderA = await a.coordination.leadership('story-clustering');
      const standbyB = await b.coordination.leadership('story-clustering');
      expect([leaderA.leading, standbyB.leading]).toEqual([true, false]);
      const otherRole = await b.coordination.leadership('discord-gateway');
      expect(otherRole.leading).toBe(true);
      await leaderA.release();
      expect(leaderA.leading).toBe(false);
      await untilLeading(standbyB);
      expect(standbyB.leading).toBe(true);
      // The released handle does not compete any more.
      await standbyB.release();
      const again = await a.coordination.leadership('story-clustering');
      await untilLeading(again);
      expect(leaderA.leading).toBe(false);
    });

    it('hands a role over when the leading process closes its storage', async () => {
      const [a, b] = await twoProcesses();
      const leaderA = await a.coordination.leadership('story-clustering');
      const standbyB = await b.coordination.leadership('story-clustering');
      expect(leaderA.leading).toBe(true);
      await a.close();
      await untilLeading(standbyB);
      expect(standbyB.leading).toBe(true);
    });

    it('delivers change notices to the other processes by topic, and not to the sender', async () => {
      const [a, b] = await twoProcesses();
      const atA = await NoticeLog.listen(a.coordination, ['stories', 'done']);
      const atB = await NoticeLog.listen(b.coordination, ['stories', 'articles']);
      await a.coordination.notifyChange('stories');
      await atB.until('stories');
      // Notices arrive in the order sent: once A hears B's later notice, A's own earlier one would have come.
      await b.coordination.notifyChange('done');
      await atA.until('done');
      expect(atA.count('stories')).toBe(0);
      expect(atB.count('articles')).toBe(0);
      expect(atB.count('stories')).toBe(1);
    });

    it('stops calling a listener once it unsubscribed', async () => {
      const [a, b] = await twoProcesses();
      let heard = 0;
      const unsubscribe = await b.coordination.onChange('stories', () => {
        heard += 1;
      });
      const atB = await NoticeLog.listen(b.coordination, ['done']);
      await a.coordination.notifyChange('stories');
      await a.coordination.notifyChange('done');
      await atB.until('done');
      expect(heard).toBe(1);
      unsubscribe();
      await a.coordination.notifyChange('stories');
      await a.coordination.notifyChange('done');
      await atB.until('done', 2);
      expect(heard).toBe(1);
    });
  });
}
