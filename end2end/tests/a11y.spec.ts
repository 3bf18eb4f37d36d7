import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, test } from './support';

const pages = [
  '/', '/kb', '/kb/hardware', '/kb/printers', '/articles/blue-screen', '/search?q=网络', '/search?q=打印机脱机&lang=all&category=hardware', '/diagnosis', '/diagnosis/computer-wont-start',
  '/tickets', '/tickets/new', '/staff', '/login', '/register', '/forgot', '/account',
  '/no/such/page',
];

for (const path of pages) {
  test(`no serious accessibility problems on ${path}`, async ({ page }, testInfo) => {
    await open(page, path, testInfo);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
  });
}

test('no serious accessibility problems on the ticket form showing errors', async ({ page }, testInfo) => {
  await open(page, '/tickets/new', testInfo);
  await page.getByRole('button', { name: '提交工单' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => v.id)).toEqual([]);
});
