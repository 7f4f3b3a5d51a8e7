import type { Env } from '../../config/schema.js';
import type { DigestSinks } from '../../stories/digest/digest-sink.js';
import { chatPlatforms } from '../chat-platforms.js';

/**
 * Digest sinks of the platforms that are configured to post them (a bot token), by platform id. Sinks use
 * the platforms' web APIs only, so digests go out even when the chat connections are not running here.
 */
export function createDigestSinks(env: Env): DigestSinks {
  const sinks: DigestSinks = {};
  for (const platform of chatPlatforms) {
    const sink = platform.digestSink(env);
    if (sink !== null) sinks[platform.id] = sink;
  }
  return sinks;
}
