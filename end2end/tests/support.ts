import { Page, TestInfo, expect } from '@playwright/test';

/** Opens a page and, when JavaScript runs, waits until the app has hydrated. */
export async function open(page: Page, path: string, testInfo: TestInfo) {
  const response = await page.goto(path);
  await waitForApp(page, testInfo);
  return response;
}

/** Waits for the hydration marker; a no-op for the JavaScript-disabled projects. */
export async function waitForApp(page: Page, testInfo: TestInfo) {
  if (testInfo.project.use.javaScriptEnabled !== false) {
    await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  }
}
