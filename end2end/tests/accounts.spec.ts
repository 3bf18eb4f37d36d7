import { expect, Page, TestInfo } from '@playwright/test';
import { open, openTicket, password, register, test, waitForApp } from './support';

async function logOut(page: Page, testInfo: TestInfo) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
  await waitForApp(page, testInfo);
}

test('register, log in, open a ticket, log out; nobody else sees it; a guest link shows only its ticket', async ({ page }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now()}`;
  const first = `first-${run}@example.com`;

  // Register, log out, log back in.
  await register(page, testInfo, '第一位客户', first);
  await logOut(page, testInfo);
  await open(page, '/login', testInfo);
  await page.getByLabel('电子邮箱').fill(first);
  await page.getByLabel('密码').fill('a wrong password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('邮箱或密码不正确。');
  await expect(page.getByLabel('电子邮箱')).toHaveValue(first);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/tickets$/);
  await waitForApp(page, testInfo);

  // Open a ticket while signed in: it is listed, and opens without the key.
  const subject = `邮箱一直要求输入密码 ${run}`;
  const mine = await openTicket(page, testInfo, subject, first);
  await open(page, '/tickets', testInfo);
  await expect(page.getByRole('link', { name: new RegExp(`${mine.number} · ${subject}`) })).toBeVisible();
  await open(page, `/tickets/${mine.number}`, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await logOut(page, testInfo);

  // A second customer, in the same browser, cannot see it.
  await page.context().clearCookies();
  await register(page, testInfo, '第二位客户', `second-${run}@example.com`);
  await open(page, '/tickets', testInfo);
  await expect(page.getByText(subject)).toHaveCount(0);
  const response = await open(page, `/tickets/${mine.number}`, testInfo);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(subject)).toHaveCount(0);
  await logOut(page, testInfo);

  // A guest opens a ticket; its link shows that ticket, and the same key opens no other.
  await page.context().clearCookies();
  const guestSubject = `访客的打印问题 ${run}`;
  const guest = await openTicket(page, testInfo, guestSubject, `guest-${run}@example.com`);
  await page.context().clearCookies();
  await open(page, new URL(guest.link).pathname + new URL(guest.link).search, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: guestSubject })).toBeVisible();
  await expect(page.getByText(subject)).toHaveCount(0);
  const key = new URL(guest.link).searchParams.get('key');
  const other = await open(page, `/tickets/${mine.number}?key=${key}`, testInfo);
  expect(other?.status()).toBe(404);
  await expect(page.getByText(subject)).toHaveCount(0);
});

test('the guest can reply through the link and the reply is kept', async ({ page }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now()}`;
  const ticket = await openTicket(page, testInfo, `回复测试 ${run}`, `reply-${run}@example.com`);
  await page.getByLabel('您的回复').fill('重启后问题依旧。');
  await page.getByRole('button', { name: '发送回复' }).click();
  await expect(page.locator('.timeline')).toContainText('重启后问题依旧。');
  await page.goto(ticket.link);
  await expect(page.locator('.timeline')).toContainText('重启后问题依旧。');
});
