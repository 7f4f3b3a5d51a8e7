import type { Logger } from '../app/logger.js';
import type { Env } from '../config/schema.js';
import type { Assistant } from '../core/assistant.js';
import type { Coordination } from '../core/coordination.js';
import type { DigestSink } from '../stories/digest/digest-sink.js';
import type { DigestRenderOptions } from './commands/digest-lines.js';
import type { CommandRegistry } from './command-registry.js';

/** What a platform needs to start answering: the same for every platform. */
export interface ChatPlatformDependencies {
  env: Env;
  assistant: Assistant;
  registry: CommandRegistry;
  logger: Logger;
  /**
   * How this process shares work with the others on the same storage (the bot passes its storage's): an event
   * is answered once across replicas, one replica holds a platform's single connection. @default this process alone
   */
  coordination?: Coordination;
}

/** A platform connected and answering. */
export interface RunningPlatform {
  stop(): Promise<void>;
}

/**
 * A chat platform, as its folder under src/channels exports it (Bolt's receivers, Hono's adapters): its id,
 * whether the configuration enables it, how it starts, and where its digests go. Adding a platform is its
 * folder plus one line in `chat-platforms.ts`; no union type, switch or SQL CHECK elsewhere learns its name.
 */
export interface ChatPlatform<Id extends string = string> {
  /** Stable id, stored with subscriptions ('slack'). */
  readonly id: Id;
  /** Name for people and logs ('Slack'). */
  readonly name: string;
  /** Whether the configuration has what the platform needs (its token). */
  isConfigured(env: Env): boolean;
  /** Connects and starts answering; rejects when it cannot. */
  start(dependencies: ChatPlatformDependencies): Promise<RunningPlatform>;
  /**
   * Where scheduled digests for this platform's channels go, when it is configured; null when it posts none.
   * A sink uses the platform's web API only, so digests go out even when the chat connection is not running here.
   */
  digestSink(env: Env, options?: DigestRenderOptions): DigestSink | null;
}
