import { expect } from '@playwright/test';
import { open, otherBrowser, register, signInAsLead, test, waitForApp } from './support';

test('an editor writes an article, a second editor approves it, a customer finds it in Chinese and says it helped', async ({ browser, page }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now()}`;
  const slug = `shared-printer-${run}`.replace(/[^a-z0-9]+/g, '-');
  const title = `共享打印机显示脱机（${run}）`;
  const js = testInfo.project.use.javaScriptEnabled !== false;

  // The author registers; the lead makes them a knowledge editor.
  const email = `editor-${run}@example.com`;
  await register(page, testInfo, '知识库作者', email);
  const leadContext = await otherBrowser(browser, testInfo);
  const lead = await leadContext.newPage();
  await signInAsLead(lead, testInfo);
  await lead.getByLabel('电子邮箱').fill(email);
  await lead.getByLabel('知识库编辑').check();
  await lead.getByRole('button', { name: '保存角色' }).click();
  await expect(lead.getByText('角色已保存。')).toBeVisible();

  // The author writes it, sees the preview while typing (with JavaScript), saves and submits.
  await open(page, '/staff/kb/edit', testInfo);
  await page.getByLabel('地址').fill(slug);
  await page.getByLabel('分类').selectOption('hardware');
  await page.getByLabel('标签').fill('打印机, 脱机');
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('摘要').fill('打印机显示脱机时先检查网络，再重新添加打印机。');
  await page.getByLabel('正文').fill(
    '## 操作步骤\n1. 在打印机面板上确认它已连接网络。\n2. 在电脑上删除该共享打印机后重新添加。\n',
  );
  if (js) await expect(page.locator('.preview h2', { hasText: '操作步骤' })).toBeVisible();
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存。')).toBeVisible();
  await waitForApp(page, testInfo);
  await expect(page.locator('.version-status')).toHaveText('草稿');
  await page.getByRole('button', { name: '提交审核' }).click();
  await expect(page.locator('.version-status')).toHaveText('审核中');

  // Readers see nothing until it is approved.
  expect((await page.request.get(`/articles/${slug}`)).status()).toBe(404);

  // The lead (an editor too) reviews the changes and publishes.
  await open(lead, '/staff/kb/review', testInfo);
  const item = lead.locator('.review-item', { hasText: title });
  await expect(item.locator('.diff-added').first()).toContainText('操作步骤');
  await item.getByRole('button', { name: '通过并发布' }).click();
  await expect(lead.getByText('已处理，待审核列表已更新。')).toBeVisible();
  await expect(lead.locator('.review-item', { hasText: title })).toHaveCount(0);
  await leadContext.close();

  // A customer searches in Chinese without spaces and finds it.
  const customerContext = await otherBrowser(browser, testInfo);
  const customer = await customerContext.newPage();
  await open(customer, '/', testInfo);
  await customer.getByRole('searchbox').first().fill('共享打印机脱机了怎么办');
  await customer.getByRole('searchbox').first().press('Enter');
  await expect(customer).toHaveURL(/\/search\?q=/);
  await waitForApp(customer, testInfo);
  const result = customer.getByRole('link', { name: title });
  await expect(result).toBeVisible();
  await expect(customer.locator('.search-results mark').first()).toBeVisible();
  await result.click();
  await expect(customer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await waitForApp(customer, testInfo);

  // …and says it helped.
  await customer.getByRole('radio', { name: '有帮助', exact: true }).check();
  await customer.getByLabel('还缺少什么？（选填）').fill('第二步就解决了。');
  await customer.getByRole('button', { name: '提交反馈' }).click();
  await expect(customer.getByText('谢谢！您的反馈将帮助我们改进这篇文章。')).toBeVisible();
  await customer.reload();
  await expect(customer.locator('.article .meta')).toContainText('1 人认为有帮助');
  await customerContext.close();
});

test('the header box suggests articles while typing', async ({ page }, testInfo) => {
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'suggestions need JavaScript; the box still searches without');
  await open(page, '/', testInfo);
  const box = page.getByRole('searchbox').first();
  await box.pressSequentially('蓝屏', { delay: 50 });
  const suggestion = page.locator('.suggestions a', { hasText: '电脑蓝屏怎么办' }).first();
  await expect(suggestion).toBeVisible();
  await box.press('Escape');
  await expect(page.locator('.suggestions a')).toHaveCount(0);
});
