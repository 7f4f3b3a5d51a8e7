import { type Command, InvalidArgumentError } from 'commander';
import { UserFacingError } from '../../core/errors.js';
import type { CliContext } from '../cli-context.js';

interface DigestOptions {
  channel: string;
  since?: string;
  dryRun?: boolean;
  json?: boolean;
  data?: string;
}

function parseSince(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new InvalidArgumentError(`expected an ISO date such as 2026-03-02 or 2026-03-02T09:00:00Z, got "${value}"`);
  return new Date(time).toISOString();
}

/**
 * `digest --channel ID [--since ISO] [--dry-run] [--json]`: the digest of what is new for a channel's
 * tracked stories, now. Without --dry-run it is also posted to the channel (when its platform has a
 * token configured) through the outbox, and the channel's next scheduled digest starts from here.
 */
export function registerDigestCommand(program: Command, context: CliContext): void {
  program
    .command('digest')
    .description("Show (and post) what is new in a channel's tracked stories since its last digest")
    .requiredOption('--channel <id>', 'the channel id the stories are tracked in')
    .option('--since <iso>', 'start of the window instead of the last digest', parseSince)
    .option('--dry-run', 'print only: post nothing and leave the schedule as it is')
    .option('--json', 'print JSON')
    .option('--data <dir>', 'data directory (default: $STORYDESK_DATA_DIR or ./data)')
    .action(async (options: DigestOptions) => {
      const storydesk = await context.open(options.data);
      // Loaded on use: the Slack and Discord SDKs behind the sinks would slow every other command's start.
      const { createStoryScheduling } = await import('../../app/story-scheduling.js');
      const { createDigestSinks } = await import('../../channels/commands/digest-sinks.js');
      const { formatDigestText } = await import('../../channels/commands/digest-lines.js');
      const { isEmptyDigest } = await import('../../stories/digest/digest.js');
      const { digestsNow } = await import('../../stories/digest/digest-now.js');
      const scheduling = createStoryScheduling({
        storydesk,
        env: context.env,
        logger: context.logger,
        sinks: options.dryRun ? {} : createDigestSinks(context.env),
      });
      try {
        const digests = await digestsNow(scheduling.builder, scheduling.subscriptions, {
          channelId: options.channel,
          now: new Date(),
          ...(options.since ? { since: options.since } : {}),
        });
        if (digests.length === 0) {
          throw new UserFacingError('digest_no_subscriptions', `Channel ${options.channel} tracks nothing. Track a story there with /track first.`);
        }
        const posted: string[] = [];
        if (!options.dryRun) {
          for (const digest of digests) {
            const subscription = await scheduling.subscriptions.getSubscription(digest.subscriptionId);
            if (!subscription || (isEmptyDigest(digest) && !context.env.DIGEST_POST_EMPTY)) continue;
            if (await scheduling.digests.postNow(subscription, digest)) posted.push(subscription.id);
            else context.logger.warn({ subscription: subscription.id, platform: subscription.platform }, 'Digest not posted (no token for this platform, or the send failed)');
          }
        }
        if (options.json) {
          context.print(JSON.stringify({ digests, posted }));
        } else {
          context.print(digests.map((digest) => formatDigestText(digest)).join('\n\n'));
          if (!options.dryRun) context.print(posted.length > 0 ? `Posted ${posted.length} digest(s).` : 'Nothing was posted.');
        }
      } finally {
        scheduling.close();
        await storydesk.close();
      }
    });
}
