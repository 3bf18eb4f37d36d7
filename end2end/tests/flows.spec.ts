import { expect } from '@playwright/test';
import { open, otherBrowser, signInAsLead, test, waitForApp } from './support';

test('staff build and publish a three-node flow; a customer on a phone runs it to "still broken" and opens a prefilled ticket; analytics show it escalated', async ({ browser, page }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now()}`.replace(/[^a-z0-9]+/g, '-');
  const slug = `pl-${run}`.slice(0, 40);
  const title = `打印机不工作（${run}）`;

  // The lead (an admin, who may edit flows) creates the draft.
  await signInAsLead(page, testInfo);
  await open(page, '/staff/flows', testInfo);
  await page.getByLabel('地址').fill(slug);
  await page.getByLabel('标题（中文）').fill(title);
  await page.getByLabel('标题（英文）').fill(`Printer does not work (${run})`);
  await page.getByLabel('类别').selectOption('hardware');
  await page.getByRole('button', { name: '创建草稿' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/flows/edit\\?slug=${slug}$`));
  await waitForApp(page, testInfo);

  // The start question, with answers that lead to nodes not written yet: listed as problems.
  const start = page.locator('#node-start');
  await start.getByLabel('内容（中文）').fill('打印机的指示灯亮吗？');
  await start.getByLabel('内容（英文）').fill("Is the printer's light on?");
  await start.getByLabel('回答选项').fill('cable | 亮 | On\nticket | 不亮 | Off');
  await start.getByRole('button', { name: '保存节点' }).click();
  await expect(page.locator('#flow-problems')).toContainText('节点“start”：指向不存在的节点“cable”');
  await waitForApp(page, testInfo);

  const addNode = async (id: string, kind: string, zh: string, en: string, extra: (form: ReturnType<typeof page.locator>) => Promise<void>) => {
    const form = page.locator('#node-new');
    await form.getByLabel('节点编号').fill(id);
    await form.getByLabel('类型').selectOption(kind);
    await form.getByLabel('内容（中文）').fill(zh);
    await form.getByLabel('内容（英文）').fill(en);
    await extra(form);
    await form.getByRole('button', { name: '添加节点' }).click();
    await expect(page.locator(`#node-${id}`)).toBeVisible();
    await waitForApp(page, testInfo);
  };
  await addNode('cable', 'step', '关掉打印机，重新插好网线后再开机。', 'Switch the printer off, plug the network cable in again and switch it on.', async (form) => {
    await form.getByLabel('“还是不行”时转到').fill('ticket');
  });
  await addNode('ticket', 'escalate', '请提交工单，我们会派人检查打印机。', 'Please open a ticket; someone will check the printer.', async (form) => {
    await form.getByLabel('建议优先级').selectOption('important');
  });
  await expect(page.locator('#flow-ready')).toHaveText('没有问题，可以发布。');
  await expect(page.locator('.flow-graph .flow-node')).toHaveCount(3);
  await page.getByRole('button', { name: '发布' }).click();
  await expect(page.locator('#flow-versions')).toContainText('在线');

  // A customer on a phone finds it among the flows and runs it.
  const customerContext = await otherBrowser(browser, testInfo);
  const customer = await customerContext.newPage();
  await customer.setViewportSize({ width: 390, height: 844 });
  await open(customer, '/diagnosis', testInfo);
  await customer.getByRole('link', { name: title }).click();
  await waitForApp(customer, testInfo);
  await customer.getByRole('button', { name: '开始自查' }).click();
  await expect(customer).toHaveURL(/\/diagnosis\/run\/[0-9a-f]{32}$/);
  await waitForApp(customer, testInfo);
  await expect(customer.locator('.flow-text')).toHaveText('打印机的指示灯亮吗？');
  await expect(customer.locator('.flow-step')).toContainText('第 1 步');
  const lit = customer.getByRole('button', { name: '亮', exact: true });
  expect((await lit.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
  await lit.click();
  await expect(customer.locator('.flow-text')).toHaveText('关掉打印机，重新插好网线后再开机。');
  // The run survives a reload.
  await customer.reload();
  await waitForApp(customer, testInfo);
  await expect(customer.locator('.flow-text')).toHaveText('关掉打印机，重新插好网线后再开机。');
  await customer.getByRole('button', { name: '还是不行' }).click();
  await expect(customer.getByRole('heading', { name: '请提交工单' })).toBeVisible();
  await expect(customer.locator('.flow-transcript')).toContainText('还是不行');
  await customer.getByRole('link', { name: '提交工单（已附自查记录）' }).click();

  // The ticket form already holds the category, the suggested priority and the transcript.
  await expect(customer).toHaveURL(/\/tickets\/new\?/);
  await waitForApp(customer, testInfo);
  await expect(customer.getByLabel('问题概述')).toHaveValue(`自查未解决：${title}`);
  const description = customer.getByLabel('具体现象');
  await expect(description).toHaveValue(/1\. 打印机的指示灯亮吗？ → 亮/);
  await expect(description).toHaveValue(/2\. 关掉打印机，重新插好网线后再开机。 → 还是不行/);
  await expect(customer.getByLabel('问题类别')).toHaveValue('hardware');
  await expect(customer.getByRole('radio', { name: /^重要/ })).toBeChecked();
  await customer.getByLabel('姓名').fill('韩梅梅');
  await customer.getByLabel('电子邮箱').fill(`flow-${run}@example.com`);
  await customer.getByRole('button', { name: '提交工单' }).click();
  await expect(customer).toHaveURL(/\/tickets\/IT-\d{4}-\d{6}\?key=[0-9a-f]{32}/);
  await customerContext.close();

  // The lead's analytics show one run, escalated.
  await open(page, `/staff/flows/stats?slug=${slug}`, testInfo);
  const v1 = page.locator('#flow-version-stats tr[data-version="1"]');
  await expect(v1.locator('[data-stat="started"]')).toHaveText('1');
  await expect(v1.locator('[data-stat="escalated"]')).toHaveText('1');
  await expect(v1.locator('[data-stat="deflected"]')).toHaveText('0');
});

test('a shipped flow runs without a ticket when a step fixes it, with back and restart', async ({ page }, testInfo) => {
  await open(page, '/diagnosis', testInfo);
  await expect(page.getByRole('heading', { name: '网络' })).toBeVisible();
  await page.getByRole('link', { name: '无法上网' }).click();
  await waitForApp(page, testInfo);
  await page.getByRole('button', { name: '开始自查' }).click();
  await waitForApp(page, testInfo);
  await page.getByRole('button', { name: '可以，只有我不行' }).click();
  await expect(page.locator('.flow-text')).toHaveText('您的电脑怎样连接网络？');
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.locator('.flow-text')).toHaveText('附近的同事能正常上网吗？');
  await page.getByRole('button', { name: '可以，只有我不行' }).click();
  await page.getByRole('button', { name: '无线网络（Wi-Fi）' }).click();
  await expect(page.locator('.flow-text')).toContainText('飞行模式');
  await page.getByRole('button', { name: '已经好了' }).click();
  await expect(page.getByText('问题已解决')).toBeVisible();
  await page.getByRole('button', { name: '重新开始' }).click();
  await expect(page.locator('.flow-text')).toHaveText('附近的同事能正常上网吗？');
});
