import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, openTicket, otherBrowser, signInAsLead, step, test, waitForApp } from './support';

test('an agent takes a ticket from the console and works it while the customer follows', async ({ browser, page }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now()}`;
  const subject = `VPN 连接后马上断开 ${run}`;
  const ticket = await openTicket(page, testInfo, subject, `vpn-${run}@example.com`);

  // The agent, in a browser of their own, finds it in the unassigned queue.
  const agentContext = await browser.newContext({
    ...testInfo.project.use,
    baseURL: testInfo.project.use.baseURL,
  });
  const agent = await agentContext.newPage();
  await signInAsLead(agent, testInfo);
  await open(agent, '/console?queue=unassigned', testInfo);
  await expect(agent.getByRole('heading', { level: 1, name: '客服工作台' })).toBeVisible();
  await agent.getByRole('link', { name: ticket.number }).click();
  await expect(agent.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await waitForApp(agent, testInfo);
  await expect(agent.locator('.clocks')).toContainText('正常');

  await agent.getByRole('button', { name: '由我处理' }).click();
  await expect(agent.locator('.assignee')).toHaveText('值班主管');
  await waitForApp(agent, testInfo);
  await step(agent, testInfo, '受理', '已受理');
  await agent.getByLabel('您的回复').fill('请把 VPN 客户端升级到 5.3 后再试，并告诉我们结果。');
  await agent.getByRole('button', { name: '发送回复' }).click();
  await expect(agent.locator('.timeline')).toContainText('升级到 5.3');
  await waitForApp(agent, testInfo);
  await step(agent, testInfo, '等待客户', '等待您的回复');

  // The customer sees the answer and why the clock stands still, and replies.
  await page.goto(ticket.link);
  await waitForApp(page, testInfo);
  await expect(page.locator('.timeline')).toContainText('升级到 5.3');
  await expect(page.getByText('等待您回复期间，处理时限暂停计时')).toBeVisible();
  await page.getByLabel('您的回复').fill('升级后连接稳定了，谢谢。');
  await page.getByRole('button', { name: '发送回复' }).click();
  await expect(page.locator('.ticket-facts .status')).toHaveText('处理中');

  // The agent resolves; the customer confirms and the ticket closes.
  await agent.reload();
  await waitForApp(agent, testInfo);
  await expect(agent.locator('.timeline')).toContainText('升级后连接稳定了');
  await step(agent, testInfo, '标记已解决', '已解决');
  await page.goto(ticket.link);
  await waitForApp(page, testInfo);
  await expect(page.getByText('我们认为问题已解决')).toBeVisible();
  await step(page, testInfo, '确认已解决', '已关闭');
  await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
  await agentContext.close();
});

test('the console, settings, complaints and knowledge editor pages have no serious accessibility problems', async ({ page }, testInfo) => {
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'axe runs as a script in the page');
  await signInAsLead(page, testInfo);
  for (const path of ['/console?queue=all', '/staff/settings', '/staff/complaints', '/staff/kb', '/staff/kb/edit', '/staff/kb/edit?slug=wifi-slow&lang=zh', '/staff/kb/review', '/staff/kb/history?slug=wifi-slow&lang=zh&diff=1', '/staff/search', '/staff/flows', '/staff/flows/edit?slug=cannot-get-online', '/staff/flows/stats?slug=cannot-get-online', '/staff/incidents', '/staff/notifications', '/staff/notifications?failed=1']) {
    await open(page, path, testInfo);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
  }
});

test('an agent ticks tickets from the keyboard and acknowledges them in one go', async ({ browser, page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'keyboard shortcuts, on a desktop with JavaScript');
  const run = `${Date.now()}`;
  const first = await openTicket(page, testInfo, `打印机一 ${run}`, `bulk1-${run}@example.com`);
  const second = await openTicket(page, testInfo, `打印机二 ${run}`, `bulk2-${run}@example.com`);

  const agentContext = await otherBrowser(browser, testInfo);
  const agent = await agentContext.newPage();
  await signInAsLead(agent, testInfo);
  await open(agent, '/console?queue=unassigned&sort=newest', testInfo);
  const row = (n: string) => agent.locator('.console-queue tr', { hasText: n });
  await row(first.number).getByRole('link').focus();
  await agent.keyboard.press('x');
  await row(second.number).getByRole('link').focus();
  await agent.keyboard.press('x');
  await expect(row(first.number).getByRole('checkbox')).toBeChecked();
  await expect(row(second.number).getByRole('checkbox')).toBeChecked();
  // j moves to another ticket's link.
  await agent.keyboard.press('j');
  await expect(agent.locator('.console-queue tbody a:focus')).toHaveCount(1);

  await agent.getByLabel('操作').selectOption('acknowledge');
  await agent.getByRole('button', { name: '应用到勾选的工单' }).click();
  await expect(agent.locator('.bulk-result')).toContainText(first.number);
  await expect(agent.locator('.bulk-result')).toContainText(second.number);
  await open(agent, `/tickets/${first.number}`, testInfo);
  await expect(agent.locator('.ticket-facts .status')).toHaveText('已受理');
  await agentContext.close();
});
