import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { createWebApp } from '../../src/web/web-app.js';
import { startWebServer, type WebServer } from '../../src/web/start-web-server.js';
import { SESSION_COOKIE, secretsMatch } from '../../src/web/web-token.js';
import { abstainingAssistant, emptyStories } from './empty-stories.js';

const TOKEN = 'correct-horse-battery-staple-42';

describe('the web token', () => {
  let server: WebServer;
  beforeAll(async () => {
    const app = createWebApp({ stories: emptyStories, assistant: abstainingAssistant(), logger: createLogger('silent'), token: TOKEN, secureCookie: true });
    server = await startWebServer(app, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: 'manual' });

  it('refuses pages without the token, with a page that says how to give it', async () => {
    const response = await get('/stories');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.text()).toContain('?token=');
    expect((await get('/ask?q=anything')).status).toBe(401);
    expect((await get('/stories/some-story')).status).toBe(401);
  });

  it('refuses a wrong token in the header, the query or the cookie', async () => {
    expect((await get('/stories', { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await get('/stories', { authorization: 'Bearer short' })).status).toBe(401);
    expect((await get('/stories?token=wrong')).status).toBe(401);
    expect((await get('/stories', { cookie: `${SESSION_COOKIE}=${TOKEN}` })).status).toBe(401);
  });

  it('serves pages to a script that sends the token as a bearer header', async () => {
    expect((await get('/stories', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('turns ?token= into an HttpOnly session cookie and a redirect to the address without the token', async () => {
    const response = await get(`/stories?page=2&token=${TOKEN}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/stories?page=2');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0] ?? '';
    expect((await get('/stories', { cookie: session })).status).toBe(200);
  });

  it('keeps /healthz and the stylesheet open, so probes and the refusal page work', async () => {
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/assets/storydesk.css')).status).toBe(200);
  });

  it('compares secrets of any length without throwing', () => {
    expect(secretsMatch(TOKEN, TOKEN)).toBe(true);
    expect(secretsMatch('', TOKEN)).toBe(false);
    expect(secretsMatch(`${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });
});
