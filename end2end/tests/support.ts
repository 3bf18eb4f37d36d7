import { Browser, Page, TestInfo, expect, test as base } from '@playwright/test';

// Uncaught errors and Rust panics seen by each page, so a failed hydration says why.
const problems = new WeakMap<Page, string[]>();

/** Playwright's `test`, failing any test whose page threw or panicked in the wasm app. */
export const test = base.extend<{ watchErrors: void }>({
  watchErrors: [
    async ({ page }, use) => {
      const seen: string[] = [];
      problems.set(page, seen);
      page.on('pageerror', (e) => seen.push(`uncaught: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && m.text().includes('panicked')) seen.push(m.text());
      });
      await use();
      expect(seen, 'errors thrown in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Opens a page and, when JavaScript runs, waits until the app has hydrated. */
export async function open(page: Page, path: string, testInfo: TestInfo) {
  const response = await page.goto(path);
  await waitForApp(page, testInfo);
  return response;
}

/**
 * Waits for the hydration marker; a no-op for the JavaScript-disabled projects. CI shares two
 * cores between the server and two browsers, where compiling the wasm has taken over 10 s, so
 * the wait is generous; a panic fails it at once with the panic's message instead.
 */
export async function waitForApp(page: Page, testInfo: TestInfo) {
  if (testInfo.project.use.javaScriptEnabled === false) return;
  const seen = problems.get(page) ?? [];
  await expect
    .poll(
      async () => {
        if (seen.length > 0) throw new Error(`the page failed while hydrating:\n${seen.join('\n')}`);
        return page.locator('body[data-hydrated="true"]').count();
      },
      { timeout: 25_000, message: 'the app hydrates' },
    )
    .toBe(1);
}

/** Opens a ticket through the form as a customer; returns its number and private link. */
export async function openTicket(page: Page, testInfo: TestInfo, subject: string, email: string) {
  await open(page, '/tickets/new', testInfo);
  await page.getByLabel('姓名').fill('测试用户');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('问题概述').fill(subject);
  await page.getByLabel('具体现象').fill('打开 Outlook 后一直提示需要输入密码。');
  await page.getByLabel('问题类别').selectOption('software');
  await page.getByRole('radio', { name: /^一般/ }).check();
  await page.getByRole('radio', { name: /^仅影响我/ }).check();
  await page.getByRole('button', { name: '提交工单' }).click();
  await expect(page).toHaveURL(/\/tickets\/IT-\d{4}-\d{6}\?key=[0-9a-f]{32}/);
  await waitForApp(page, testInfo);
  const number = (await page.locator('.ticket-number').textContent()) ?? '';
  return { number, link: page.url() };
}

// The test script creates this admin (the support lead, who also works tickets) before the
// server starts.
const lead = { email: 'lead@example.com', password: 'correct horse battery staple' };

/** Signs in as the support lead, who lands on the staff page. */
export async function signInAsLead(page: Page, testInfo: TestInfo) {
  await open(page, '/login', testInfo);
  await page.getByLabel('电子邮箱').fill(lead.email);
  await page.getByLabel('密码').fill(lead.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await waitForApp(page, testInfo);
}

/** A second browser for another person (an agent beside the customer), same project settings. */
export async function otherBrowser(browser: Browser, testInfo: TestInfo) {
  return browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL });
}

/** Clicks a lifecycle or assignment button and waits until the page shows its result. */
export async function step(page: Page, testInfo: TestInfo, button: string, status: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.locator('.ticket-facts .status')).toHaveText(status);
  await waitForApp(page, testInfo);
}

/** The password every account made by the tests uses. */
export const password = 'correct horse battery staple';

/** Registers a customer account and waits for the welcome page. */
export async function register(page: Page, testInfo: TestInfo, name: string, email: string) {
  await open(page, '/register', testInfo);
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('再次输入密码').fill(password);
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page).toHaveURL(/\/account\?welcome=1$/);
  await waitForApp(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: '我的账号' })).toBeVisible();
  await expect(page.locator('.user-menu')).toContainText(name);
}
