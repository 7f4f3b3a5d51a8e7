import { discordPlatform } from './discord/discord-platform.js';
import { slackPlatform } from './slack/slack-platform.js';
import { terminalPlatform } from './terminal/terminal-platform.js';

/** Every chat platform storydesk speaks: one registration line each. */
export const chatPlatforms = [slackPlatform, discordPlatform, terminalPlatform] as const;

/** The id of a chat platform ('slack' | 'discord' | 'cli'), derived from the list. */
export type PlatformId = (typeof chatPlatforms)[number]['id'];
