import type { Env } from '../../config/schema.js';
import type { DigestSinks } from '../../stories/digest/digest-sink.js';
import { storyPageUrl } from '../../web/story-urls.js';
import { chatPlatforms } from '../chat-platforms.js';

/**
 * Digest sinks of the platforms that are configured to post them (a bot token), by platform id. Sinks use
 * the platforms' web APIs only, so digests go out even when the chat connections are not running here.
 */
export function createDigestSinks(env: Env): DigestSinks {
  // With a public URL, each story in a digest links to its web page ("Full timeline").
  const publicUrl = env.STORYDESK_PUBLIC_URL;
  const links = publicUrl ? { storyUrl: (storyId: string) => storyPageUrl(publicUrl, storyId) } : {};
  const sinks: DigestSinks = {};
  for (const platform of chatPlatforms) {
    const sink = platform.digestSink(env, links);
    if (sink !== null) sinks[platform.id] = sink;
  }
  return sinks;
}
