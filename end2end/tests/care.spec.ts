import { expect } from '@playwright/test';
import { open, otherBrowser, signInAsLead, step, test, waitForApp } from './support';
import { photo } from './photo';

// The phone journey: photo → agent reply → resolved → 2 stars → complaint for the lead.
test('on a phone a customer reports with a photo, rates two stars and the lead gets a complaint', async ({ browser, page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the phone journey; the picker uploads with JavaScript');
  const run = `${Date.now()}`;
  const subject = `打印机显示卡纸但里面没有纸 ${run}`;
  await open(page, '/tickets/new', testInfo);
  await page.getByLabel('姓名').fill('赵敏');
  await page.getByLabel('电子邮箱').fill(`zhao-${run}@example.com`);
  await page.getByLabel('问题概述').fill(subject);
  await page.getByLabel('具体现象').fill('三楼打印机屏幕提示卡纸，打开后盖没有发现纸张。照片见附件。');
  await page.getByLabel('问题类别').selectOption('hardware');
  await page.getByRole('radio', { name: /^一般/ }).check();
  await page.getByRole('radio', { name: /^仅影响我/ }).check();

  // The picker offers the camera (image/*); the photo uploads at once.
  const picker = page.getByLabel('照片、PDF 或日志');
  await expect(picker).toHaveAttribute('accept', /image\/\*/);
  await picker.setInputFiles({ name: 'IMG_2031.png', mimeType: 'image/png', buffer: photo() });
  await expect(page.locator('.file-picker .file-list')).toContainText('IMG_2031.png');
  // A program dressed as a photo is refused with the reason; nothing typed is lost.
  await picker.setInputFiles({
    name: 'printer.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
  });
  await expect(page.locator('.file-picker [role="alert"]')).toContainText('printer.jpg: 这是一个程序');
  await expect(page.getByLabel('问题概述')).toHaveValue(subject);
  await expect(page.locator('.file-picker .file-list li')).toHaveCount(1);
  await page.getByRole('button', { name: '提交工单' }).click();
  await expect(page).toHaveURL(/\/tickets\/IT-\d{4}-\d{6}\?key=[0-9a-f]{32}/);
  await waitForApp(page, testInfo);
  const link = page.url();
  const number = (await page.locator('.ticket-number').textContent()) ?? '';
  const shown = page.locator('.timeline .attachment-image img');
  await expect(shown).toBeVisible();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);

  // The agent, in another browser, sees the photo, replies and resolves.
  const agentContext = await otherBrowser(browser, testInfo);
  const agent = await agentContext.newPage();
  await signInAsLead(agent, testInfo);
  await open(agent, `/tickets/${number}`, testInfo);
  await expect(agent.locator('.timeline .attachment-image img')).toBeVisible();
  await agent.getByLabel('您的回复').fill('已远程重置打印机的卡纸传感器，请再打印一页试试。');
  await agent.getByRole('button', { name: '发送回复' }).click();
  await expect(agent.locator('.timeline')).toContainText('卡纸传感器');
  await waitForApp(agent, testInfo);

  await page.goto(link);
  await waitForApp(page, testInfo);
  await expect(page.locator('.timeline')).toContainText('卡纸传感器');

  await agent.reload();
  await waitForApp(agent, testInfo);
  await step(agent, testInfo, '标记已解决', '已解决');

  // One tap on the invitation opens the form with two stars chosen; only submitting rates.
  await page.goto(link);
  await waitForApp(page, testInfo);
  await page.getByRole('link', { name: '★★☆☆☆ 不满意' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '服务评价' })).toBeVisible();
  await waitForApp(page, testInfo);
  await expect(page.getByRole('group', { name: '总体评价' }).getByRole('radio', { name: '★★☆☆☆ 不满意' })).toBeChecked();
  await page.getByRole('group', { name: '响应速度' }).getByRole('radio', { name: '★☆☆☆☆ 非常不满意' }).check();
  await page.getByLabel('意见（可选）').fill('第二天还是卡纸，只能换一台打印。');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('感谢您的评价。')).toBeVisible();
  await expect(page.locator('.complaint')).toContainText('技术支持主管已收到');

  // The lead finds the complaint with its deadline, records the outcome; the customer sees it.
  await open(agent, '/staff/complaints', testInfo);
  const item = agent.locator('.complaint-item', { hasText: number });
  await expect(item).toContainText('第二天还是卡纸');
  await expect(item).toContainText('答复期限');
  await item.getByLabel('给客户的处理结果').fill('已为三楼更换新打印机，并致电赵敏说明。');
  await item.getByRole('button', { name: '记录处理结果' }).click();
  await expect(agent.locator('.complaint-item', { hasText: number })).toContainText('已为三楼更换新打印机');
  await page.reload();
  await waitForApp(page, testInfo);
  await expect(page.locator('.complaint')).toContainText('已为三楼更换新打印机');
  await agentContext.close();
});
