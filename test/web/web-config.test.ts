import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { isLoopbackHost } from '../../src/config/web-settings.js';

describe('web settings', () => {
  it('serves no web UI by default, and listens on loopback when a port is set', () => {
    expect(loadConfig({}).STORYDESK_WEB_PORT).toBeUndefined();
    const env = loadConfig({ STORYDESK_WEB_PORT: '8080' });
    expect(env.STORYDESK_WEB_PORT).toBe(8080);
    expect(env.STORYDESK_WEB_HOST).toBe('127.0.0.1');
  });

  it('reads blank values, as copied from .env.example, as unset', () => {
    const env = loadConfig({ STORYDESK_WEB_PORT: '', STORYDESK_WEB_HOST: '', STORYDESK_WEB_TOKEN: '', STORYDESK_PUBLIC_URL: '' });
    expect(env.STORYDESK_WEB_PORT).toBeUndefined();
    expect(env.STORYDESK_WEB_HOST).toBe('127.0.0.1');
    expect(env.STORYDESK_WEB_TOKEN).toBeUndefined();
    expect(env.STORYDESK_PUBLIC_URL).toBeUndefined();
  });

  it('refuses to listen beyond loopback without a token, and says how to fix it', () => {
    expect(() => loadConfig({ STORYDESK_WEB_PORT: '8080', STORYDESK_WEB_HOST: '0.0.0.0' })).toThrow(/STORYDESK_WEB_TOKEN.*set STORYDESK_WEB_TOKEN/s);
    expect(loadConfig({ STORYDESK_WEB_PORT: '8080', STORYDESK_WEB_HOST: '0.0.0.0', STORYDESK_WEB_TOKEN: 'a'.repeat(24) }).STORYDESK_WEB_TOKEN).toBe('a'.repeat(24));
    expect(() => loadConfig({ STORYDESK_WEB_PORT: '8080', STORYDESK_WEB_TOKEN: 'short' })).toThrow(/at least 16 characters/);
  });

  it('accepts only an http(s) public URL, without its trailing slash', () => {
    expect(loadConfig({ STORYDESK_PUBLIC_URL: 'https://desk.example.org/storydesk/' }).STORYDESK_PUBLIC_URL).toBe('https://desk.example.org/storydesk');
    expect(() => loadConfig({ STORYDESK_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/STORYDESK_PUBLIC_URL/);
    expect(() => loadConfig({ STORYDESK_PUBLIC_URL: 'desk.example.org' })).toThrow(/STORYDESK_PUBLIC_URL/);
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'desk.example.org']) expect(isLoopbackHost(host)).toBe(false);
  });
});
