import { expect } from '@playwright/test';
import { open, openTicket, otherBrowser, signInAsLead, test, waitForApp } from './support';

// Live updates need JavaScript (EventSource); without it the console refreshes on reload.
test('the console shows a new ticket and the customer sees the reply, both without reload', async ({ browser, page }, testInfo) => {
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'live updates need JavaScript');
  const run = `${testInfo.project.name}-${Date.now()}`;

  // The agent watches the console in a browser of their own.
  const agentContext = await otherBrowser(browser, testInfo);
  const agent = await agentContext.newPage();
  await signInAsLead(agent, testInfo);
  await open(agent, '/console?queue=unassigned&sort=newest', testInfo);
  await expect(agent.getByRole('heading', { level: 1, name: '客服工作台' })).toBeVisible();
  // The page counts its reloads, so a reload would be caught.
  await agent.evaluate(() => ((window as unknown as { marker: string }).marker = 'still here'));
  // The toast shows the latest notice, and tests running beside this one make notices too:
  // keep every text it shows.
  await agent.evaluate(() => {
    const w = window as unknown as { toasts: string[] };
    w.toasts = [];
    new MutationObserver(() => {
      const text = document.querySelector('.live-toast')?.textContent ?? '';
      if (text && w.toasts[w.toasts.length - 1] !== text) w.toasts.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  const subject = `共享盘无法访问 ${run}`;
  const ticket = await openTicket(page, testInfo, subject, `live-${run}@example.com`);
  const submitted = Date.now();
  await expect(agent.getByRole('link', { name: ticket.number })).toBeVisible({ timeout: 1_000 });
  testInfo.annotations.push({ type: 'console-latency-ms', description: String(Date.now() - submitted) });
  await expect
    .poll(() => agent.evaluate(() => (window as unknown as { toasts: string[] }).toasts.join('\n')))
    .toContain(ticket.number);
  expect(await agent.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('still here');

  // The customer keeps the ticket page open; the agent replies from theirs.
  await agent.getByRole('link', { name: ticket.number }).click();
  await expect(agent.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await waitForApp(agent, testInfo);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'no reload'));
  await agent.getByLabel('您的回复').fill('已为您重新映射共享盘，请刷新资源管理器。');
  await agent.getByRole('button', { name: '发送回复' }).click();
  const replied = Date.now();
  await expect(page.locator('.timeline')).toContainText('已为您重新映射共享盘', { timeout: 2_000 });
  testInfo.annotations.push({ type: 'customer-latency-ms', description: String(Date.now() - replied) });
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('no reload');
  await agentContext.close();
});

test('a declared incident shows on every page and on the ticket form until resolved', async ({ browser, page }, testInfo) => {
  const run = `${testInfo.project.name}-${Date.now()}`;
  const lead = await (await otherBrowser(browser, testInfo)).newPage();
  await signInAsLead(lead, testInfo);
  await open(lead, '/staff/incidents', testInfo);
  await lead.getByLabel('标题（中文）').fill(`邮件服务中断 ${run}`);
  await lead.getByLabel('标题（英文）').fill(`Mail outage ${run}`);
  await lead.getByLabel('受影响的服务（中文）').fill('Outlook 邮件');
  await lead.getByLabel('受影响的服务（英文）').fill('Outlook mail');
  await lead.getByRole('button', { name: '宣布故障' }).click();
  await expect(lead.locator('.incident-open').filter({ hasText: run })).toBeVisible();

  for (const path of ['/', '/tickets/new', '/kb']) {
    await open(page, path, testInfo);
    await expect(page.getByRole('region', { name: '故障通告' })).toContainText(`已知故障：邮件服务中断 ${run}`);
    await expect(page.getByRole('region', { name: '故障通告' })).toContainText('您无需为此报障');
  }

  await open(lead, '/staff/incidents', testInfo);
  const card = lead.locator('.incident-open').filter({ hasText: run });
  await card.getByRole('button', { name: '标记为已恢复并通知客户' }).click();
  await expect(lead.locator('.incident-open').filter({ hasText: run })).toHaveCount(0);
  await open(page, '/', testInfo);
  await expect(page.getByText(`邮件服务中断 ${run}`)).toHaveCount(0);
});
