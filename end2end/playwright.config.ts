import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The test script passes the port and the server binary; a fresh SQLite file per run, or the
// fresh PostgreSQL database E2E_DATABASE_URL names.
const port = Number(process.env.E2E_PORT ?? 3210);
const serverBin = process.env.SERVER_BIN ?? '../target/release/server';
const dataDir = mkdtempSync(join(tmpdir(), 'helpdesk-e2e-'));

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};
const desktop = { viewport: { width: 1280, height: 800 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  // Every test runs hydrated and as plain server-rendered HTML, on a desktop and on a phone.
  projects: [
    { name: 'desktop', use: { ...desktop } },
    // axe runs as a script in the page, so it checks the hydrated projects; their first paint is
    // the same server-rendered HTML the JavaScript-disabled projects get.
    { name: 'desktop-no-js', use: { ...desktop, javaScriptEnabled: false }, testIgnore: /a11y/ },
    { name: 'phone', use: { ...phone } },
    { name: 'phone-no-js', use: { ...phone, javaScriptEnabled: false }, testIgnore: /a11y/ },
  ],
  webServer: {
    // The agent journeys sign in as an admin created the only way there is: the command line.
    command:
      `printf '%s\\n' 'correct horse battery staple' | ${serverBin} admin create ` +
      `--email lead@example.com --name 值班主管 --password-stdin && ` +
      `${serverBin} serve --demo --addr 127.0.0.1:${port}`,
    cwd: '..',
    // Every test comes from 127.0.0.1, so the per-address limits are raised for the run.
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? `sqlite://${dataDir}/e2e.db`,
      SEARCH_DIR: `${dataDir}/search`,
      MAIL_OUTBOX: `${dataDir}/outbox`,
      FILES_DIR: `${dataDir}/files`,
      RATE_LIMIT_FACTOR: '50',
      RUST_LOG: 'warn',
    },
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
