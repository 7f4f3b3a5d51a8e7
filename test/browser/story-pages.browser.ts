import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebFixture, type WebFixture } from '../web/web-fixture.js';
import { chromiumMissing, launchChromium } from './launch-chromium.js';

/** Screenshots are test artifacts for people to look at (git-ignored). */
const ARTIFACTS = join(import.meta.dirname, '../../test-artifacts/screenshots');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const missing = chromiumMissing();
if (missing) console.warn(`Browser tests skipped: ${missing}`);

describe.skipIf(missing !== null)(`story pages in a real browser${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let fixture: WebFixture;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  /** Script dialogs and CSP reports: hostile article text must never trigger either. */
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    fixture = await startWebFixture();
    browser = await launchChromium();
    context = browser.context;
    context.on('page', watch);
    for (const page of context.pages()) watch(page);
  });
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  function watch(page: Page): void {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }

  async function open(path: string, size: { width: number; height: number }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(size);
    const response = await page.goto(`${fixture.url}${path}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  it('shows the story list with counts, outlets, charts and dispute badges, at desktop and phone width', async () => {
    for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const page = await open('/stories', size);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Stories' }).isVisible()).toBe(true);
      const seed = page.locator('.story-card', { hasText: 'TikTok Parent ByteDance' });
      expect(await seed.isVisible()).toBe(true);
      expect(await seed.innerText()).toMatch(/1 article[\s\S]*Benzinga[\s\S]*Updated Sep 30, 2024/);
      expect(await seed.getByText(/Denied · \d claims?/).isVisible()).toBe(true);
      expect(await seed.locator('svg.chart rect.bar').count()).toBe(1);
      // Nothing is wider than the screen: a phone never scrolls sideways.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(size.width);
      await screenshot(page, `stories-${label}`);
      await page.close();
    }
  });

  it("puts the spokesperson's denial beside the disputed Ascend 910B claim: side by side on desktop, stacked on a phone", async () => {
    for (const [label, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const page = await open(`/stories/${fixture.seedStoryId}`, size);
      const card = page.locator('.dispute', { has: page.locator('.side-claim', { hasText: 'Ascend 910B chip to train' }) });
      expect(await card.isVisible()).toBe(true);
      expect(await card.locator('h3 .chip').first().innerText()).toMatch(/Denied/);
      const denial = card.locator('.side-counter', { hasText: 'The entire premise here is wrong. No new model is being developed.' });
      expect(await denial.isVisible()).toBe(true);
      expect(await denial.locator('.chip').innerText()).toMatch(/Denied/);
      const claimBox = await card.locator('.side-claim').boundingBox();
      const denialBox = await denial.boundingBox();
      if (!claimBox || !denialBox) throw new Error('the dispute card is not laid out');
      if (label === 'desktop') {
        expect(denialBox.x).toBeGreaterThan(claimBox.x + claimBox.width / 2);
        expect(Math.abs(denialBox.y - claimBox.y)).toBeLessThan(80);
      } else {
        expect(denialBox.y).toBeGreaterThan(claimBox.y + claimBox.height - 1);
      }
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(size.width);
      await screenshot(page, `seed-story-${label}`);
      await page.close();
    }
  });

  it('works from the keyboard: the first Tab reaches "Skip to content", and a story opens with Enter', async () => {
    const page = await open('/stories', DESKTOP);
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string | null>('document.activeElement && document.activeElement.textContent')).toBe('Skip to content');
    expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
    await page.locator('.story-card h2 a', { hasText: 'TikTok Parent ByteDance' }).focus();
    await Promise.all([page.waitForURL(`**/stories/${fixture.seedStoryId}`), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { level: 2, name: 'Disputed claims' }).isVisible()).toBe(true);
    await page.close();
  });

  it('shows hostile article text as text: nothing runs, nothing is blocked, the markup reads as written', async () => {
    const list = await open('/stories', DESKTOP);
    const href = await list.locator('.story-card h2 a', { hasText: 'Ostrava' }).getAttribute('href');
    await list.close();
    const page = await open(href ?? '/stories', DESKTOP);
    expect(await page.getByText('A giant crane <script>alert(4)</script> collapsed').first().isVisible()).toBe(true);
    expect(await page.locator('script, iframe, img, [onerror], [onload], [onclick], [onfocus]').count()).toBe(0);
    await screenshot(page, 'hostile-story-desktop');
    const ask = await open(`/ask?q=${encodeURIComponent('Is ByteDance training an AI model on Huawei chips?')}`, DESKTOP);
    expect(await ask.locator('.answer .statement', { hasText: 'Ascend 910B' }).first().isVisible()).toBe(true);
    await screenshot(ask, 'ask-desktop');
    await ask.close();
    await page.close();
    expect(dialogs).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy|Refused/i.test(text))).toEqual([]);
  });
});
