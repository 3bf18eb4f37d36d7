import { expect } from '@playwright/test';
import { open, test, waitForApp } from './support';

test('a customer browses from the home page to an article', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await expect(page.getByRole('heading', { level: 1, name: '需要什么帮助？' })).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '知识库' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '知识库' })).toBeVisible();
  await page.getByRole('link', { name: /网络故障/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '网络故障' })).toBeVisible();
  await page.getByRole('link', { name: '提示 IP 地址冲突：重新获取地址' }).click();
  await expect(page).toHaveURL(/\/articles\/ip-conflict$/);
  await expect(page.getByRole('heading', { level: 1, name: '提示 IP 地址冲突：重新获取地址' })).toBeVisible();
  await expect(page.locator('article code').first()).toHaveText('ipconfig /release');
  await expect(page.getByRole('navigation', { name: '当前位置' }).getByRole('link', { name: '网络故障' })).toBeVisible();
});

test('the language switch changes every string and is remembered', async ({ page }, testInfo) => {
  await open(page, '/kb', testInfo);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: /Network/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open a ticket' })).toBeVisible();

  await page.reload();
  await waitForApp(page, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();

  await page.getByRole('button', { name: /中文/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '知识库' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a refused ticket keeps what was typed, then a fixed one gets its number', async ({ page }, testInfo) => {
  await open(page, '/tickets/new', testInfo);
  await page.getByLabel('姓名').fill('张伟');
  await page.getByLabel('电子邮箱').fill('zhang.wei@example');
  await page.getByLabel('具体现象').fill('开机后屏幕一直黑屏，风扇在转。');
  await page.getByRole('button', { name: '提交工单' }).click();

  const summary = page.getByRole('alert').filter({ hasText: '请修改以下内容：' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: /电子邮箱/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /问题概述/ })).toBeVisible();
  await expect(page.getByLabel('姓名')).toHaveValue('张伟');
  await expect(page.getByLabel('电子邮箱')).toHaveValue('zhang.wei@example');
  await expect(page.getByLabel('具体现象')).toHaveValue('开机后屏幕一直黑屏，风扇在转。');
  await expect(page.getByLabel('电子邮箱')).toHaveAccessibleDescription('请输入有效的电子邮箱，例如 name@example.com。');

  await page.getByLabel('电子邮箱').fill('zhang.wei@example.com');
  await page.getByLabel('问题概述').fill('显示器黑屏');
  await page.getByLabel('问题类别').selectOption('hardware');
  await page.getByRole('radio', { name: /^重要/ }).check();
  await page.getByRole('radio', { name: /^仅影响我/ }).check();
  await page.getByRole('button', { name: '提交工单' }).click();

  await expect(page).toHaveURL(/\/tickets\/IT-\d{4}-\d{6}\?key=[0-9a-f]{32}/);
  await expect(page.getByRole('status')).toContainText('我们已收到您的工单。');
  await expect(page.locator('.ticket-number')).toHaveText(/^IT-\d{4}-\d{6}$/);
  await expect(page.getByText('预计首次响应时间')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '显示器黑屏' })).toBeVisible();

  const number = await page.locator('.ticket-number').textContent();
  await page.getByRole('link', { name: '我的工单' }).click();
  await expect(page.getByRole('link', { name: new RegExp(`${number} · 显示器黑屏`) })).toBeVisible();
});

test('an unknown address gets a friendly 404 with a search box', async ({ page }, testInfo) => {
  const response = await open(page, '/no/such/page', testInfo);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  await page.getByRole('main').getByRole('searchbox').fill('蓝屏');
  await page.getByRole('main').getByRole('button', { name: '搜索' }).click();
  await expect(page.getByRole('link', { name: '电脑蓝屏怎么办' })).toBeVisible();
});
