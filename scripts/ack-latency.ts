/**
 * How fast the bot acknowledges under a burst: N Slack mentions (Socket Mode), then N Discord slash commands,
 * arrive at once at the real bot (`src/main.ts` in its own process, answering from a real store with the
 * offline answerer), from the local fake servers in test/fakes (in this process, so their clocks are not held
 * up by the bot's work). Slack retries an event it has not seen acknowledged within 3 s, and Discord fails an
 * interaction not deferred within 3 s; the goal here is a slowest ack of 500 ms or less.
 *
 *   npx tsx scripts/ack-latency.ts [--events 100] [--articles 300]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { FakeDiscordGateway } from '../test/fakes/discord-gateway.js';
import { FAKE_DISCORD, FakeDiscordRest } from '../test/fakes/discord-rest.js';
import { FakeSlackSocketMode } from '../test/fakes/slack-socket-mode.js';
import { FakeSlackWebApi } from '../test/fakes/slack-web-api.js';
import { fictionalArticle } from '../test/helpers/fictional-articles.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '100' }, articles: { type: 'string', default: '300' } } });
const events = Number(values.events);
const articles = Number(values.articles);

const questions = ['What did the Marlow Bay council vote on?', 'How much will the tram line cost?', 'Who opposed the solar farm?', 'When does work on the library begin?'];

function summary(latencies: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN);
  return { p50: at(0.5), p95: at(0.95), max: Math.round(sorted[sorted.length - 1] ?? Number.NaN) };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return performance.now() - started;
}

const temp = mkdtempSync(join(tmpdir(), 'storydesk-ack-'));
try {
  const corpus = join(temp, 'corpus');
  mkdirSync(corpus);
  for (let index = 0; index < articles; index += 1) writeFileSync(join(corpus, `a-${index}.md`), fictionalArticle(index));
  // Slack (Socket Mode) and Discord fakes; the bot connects to both.
  const web = await FakeSlackWebApi.start();
  const socket = await FakeSlackSocketMode.start();
  web.socketModeUrl = socket.url;
  const rest = await FakeDiscordRest.start();
  const gateway = await FakeDiscordGateway.start();
  rest.gatewayUrl = gateway.url;
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      LOG_LEVEL: 'error',
      STORYDESK_DATA_DIR: join(temp, 'data'),
      STORYDESK_CORPUS_DIR: corpus,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: web.url,
      DISCORD_TOKEN: 'discord-test-token',
      DISCORD_APPLICATION_ID: FAKE_DISCORD.applicationId,
      DISCORD_API_URL: rest.url,
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  const started = performance.now();
  await socket.connected();
  await waitFor(() => gateway.dispatchedAt.size >= 0 && rest.callsMatching('GET', /gateway/).length > 0, 300_000);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // READY and GUILD_CREATE handled
  process.stderr.write(`bot up in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const envelopes: string[] = [];
  for (let index = 0; index < events; index += 1) {
    const ts = web.nextTs();
    const text = `<@UBOT> ${questions[index % questions.length]}`;
    envelopes.push(socket.sendEvent({ type: 'app_mention', user: `U${1000 + index}`, text, ts, channel: 'CNEWS', event_ts: ts }));
  }
  const slackAcks = await Promise.all(envelopes.map((id) => socket.waitForAck(id, 60_000)));
  const slackAnswered = await waitFor(() => web.callsTo('chat.postMessage').length >= events, 600_000);

  for (let index = 0; index < events; index += 1) {
    const value = questions[index % questions.length] ?? '';
    gateway.sendSlashCommand({ name: 'ask', options: [{ name: 'question', type: 3, value }], userId: String(100000000000001000n + BigInt(index)) });
  }
  await waitFor(() => rest.callsMatching('POST', /\/callback$/).length >= events, 60_000);
  const deferrals = rest.callsMatching('POST', /\/callback$/).map((call) => {
    const id = /\/interactions\/(\d+)\//.exec(call.route)?.[1] ?? '';
    return call.at - (gateway.dispatchedAt.get(id) ?? call.at);
  });
  const discordAnswered = await waitFor(() => rest.callsMatching('PATCH', /@original$/).length >= events, 600_000);
  bot.kill('SIGTERM');
  await new Promise((resolve) => bot.once('exit', resolve));
  await gateway.close();
  await rest.close();
  await socket.close();
  await web.close();

  const result = {
    events,
    articles,
    slackAckMs: summary(slackAcks.map((ack) => ack.elapsedMs)),
    slackAllAnsweredSeconds: Number((slackAnswered / 1000).toFixed(1)),
    discordDeferMs: summary(deferrals),
    discordAllAnsweredSeconds: Number((discordAnswered / 1000).toFixed(1)),
    goalMaxAckMs: 500,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
