// The browser side of WebAppIT: one case per run, in Debian's Chromium driven by playwright-core.
//   node web-app.mjs <case>        settings (addresses, tokens, ids) come as JSON in CRM_E2E
// Exits 0 when the case holds; otherwise prints why and exits 1. The Java test starts the services and
// the web app, prepares the data and checks the outcome through the APIs.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const settings = JSON.parse(process.env.CRM_E2E ?? '{}');
const WAIT = 30_000;

/** A fresh browser context logged in with a test token (the web app runs with test login on). */
async function open(token, { mobile = false } = {}) {
  const browser = await chromium.launch({
    executablePath: settings.chromium ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext(mobile
    ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' }
    : { viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  await context.addInitScript((t) => window.sessionStorage.setItem('crm.testToken', t), token);
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  return { browser, context, page };
}

async function visit(page, path) {
  await page.goto(settings.webUrl + path, { waitUntil: 'domcontentloaded' });
}

/** Switches the page to the language asked for (the switch toggles between zh-CN and en). */
async function language(page, lang) {
  const html = page.locator('html');
  if ((await html.getAttribute('lang')) !== lang) {
    await page.getByTestId('lang-switch').click();
  }
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

const row = (page, id) => page.locator(`[data-testid="alert-row"][data-alert-id="${id}"]`);
const card = (page, id) => page.locator(`[data-testid="opportunity-card"][data-opportunity-id="${id}"]`);
const column = (page, stage) => page.locator(`[data-testid="stage-column"][data-stage="${stage}"]`);

async function api(method, url, token, body) {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const cases = {
  /** A manager's alerts page lists their team's alerts and none of another team's. */
  async teamAlerts() {
    const { browser, page } = await open(settings.tokens.manager);
    try {
      await visit(page, '/alerts');
      await row(page, settings.alerts.own).waitFor();
      assert.equal(await row(page, settings.alerts.other).count(), 0, "another team's alert is shown");
      const teams = await page.getByTestId('alert-row').evaluateAll((rows) => rows.map((r) => r.dataset.ownerTeam));
      assert.ok(teams.length > 0);
      assert.deepEqual([...new Set(teams)], [settings.team], `rows of teams ${teams}`);
    } finally {
      await browser.close();
    }
  },

  /** A deal backdated past its close date raises an alert that appears on the open page, without a reload. */
  async liveAlert() {
    const { browser, page } = await open(settings.tokens.manager);
    try {
      await visit(page, '/alerts');
      await row(page, settings.alerts.own).waitFor();
      await page.getByTestId('stream-status').filter({ hasText: /live|实时|connected|已连接/i }).waitFor()
        .catch(() => console.log('no stream status shown; going on'));
      await page.evaluate(() => { window.__sameDocument = true; });
      const before = new Set(await page.getByTestId('alert-row').evaluateAll((rows) => rows.map((r) => r.dataset.alertId)));

      const today = new Date();
      const day = (offset) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
      const opened = await api('POST', `${settings.apis.customer}/api/v1/opportunities`, settings.tokens.rep, {
        customerId: settings.customers.live, name: '三期仓储扩建', amount: 560000,
        openedOn: day(-40), expectedCloseDate: day(-5),
      });
      assert.equal(opened.status, 201, JSON.stringify(opened.body));

      const arrived = await page.waitForFunction((known) => [...document.querySelectorAll('[data-testid="alert-row"]')]
        .map((r) => r.dataset.alertId).find((id) => !known.includes(id)), [...before], { timeout: WAIT });
      const alertId = await arrived.jsonValue();
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was reloaded');
      const alert = await api('GET', `${settings.apis.analytics}/api/v1/alerts/${alertId}`, settings.tokens.manager);
      assert.equal(alert.status, 200);
      assert.equal(alert.body.subjectId, opened.body.id, 'the new row is the backdated deal\'s alert');
      console.log(`live alert ${alertId} for opportunity ${opened.body.id}`);
    } finally {
      await browser.close();
    }
  },

  /** A drag the evidence gates refuse shows what is missing and leaves the card in its column. */
  async refusedDrag() {
    const { browser, page } = await open(settings.tokens.manager);
    try {
      await visit(page, '/funnel');
      const target = card(page, settings.opportunities.bare);
      await column(page, 'TARGET').locator(target).waitFor();
      const refusal = page.waitForResponse((r) => r.url().includes(`/opportunities/${settings.opportunities.bare}`)
        && r.request().method() !== 'GET');
      await target.dragTo(column(page, 'ACKNOWLEDGED'));
      const response = await refusal;
      assert.equal(response.status(), 422);
      const missing = (await response.json()).errors.map((e) => e.field);
      assert.deepEqual(missing.sort(), ['budget', 'decisionMaker']);

      const shown = page.getByTestId('missing-evidence');
      await shown.first().waitFor();
      const items = await shown.evaluateAll((nodes) => nodes.map((n) => n.dataset.field ?? n.textContent));
      for (const field of missing) {
        assert.ok(items.some((item) => item.includes(field)), `missing ${field} is shown (shown: ${items})`);
      }
      await column(page, 'TARGET').locator(target).waitFor();
      assert.equal(await column(page, 'ACKNOWLEDGED').locator(target).count(), 0);
    } finally {
      await browser.close();
    }
  },

  /** The language switch changes the headings, the html lang and how numbers are written. */
  async languageSwitch() {
    const { browser, page } = await open(settings.tokens.manager);
    try {
      await visit(page, '/funnel');
      const amount = card(page, settings.opportunities.bare);
      await amount.waitFor();
      await language(page, 'en');
      const english = { heading: await page.locator('h1').first().innerText(), card: await amount.innerText() };
      await language(page, 'zh-CN');
      const chinese = { heading: await page.locator('h1').first().innerText(), card: await amount.innerText() };

      assert.notEqual(chinese.heading, english.heading);
      assert.match(chinese.heading, /[\u4e00-\u9fff]/, 'a Chinese heading');
      assert.match(english.heading, /^[\x20-\x7e]+$/, 'an English heading');
      assert.notEqual(chinese.card, english.card, 'amounts and dates follow the language');
      assert.match(english.card, /1,234,567/);
      console.log(`en: ${english.heading} | ${english.card.replace(/\s+/g, ' ')}`);
      console.log(`zh-CN: ${chinese.heading} | ${chinese.card.replace(/\s+/g, ' ')}`);
      // The choice is remembered.
      await page.reload();
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    } finally {
      await browser.close();
    }
  },

  /** A rep logs a visit with no network; it waits on the phone and goes out once the network is back. */
  async offlineVisit() {
    const { browser, context, page } = await open(settings.tokens.rep, { mobile: true });
    try {
      await visit(page, '/today');
      const form = page.getByTestId('visit-form');
      await form.waitFor();
      await page.getByTestId('pending-count').filter({ hasText: /^\s*0\s*$/ }).waitFor();
      // The rep's customers load with the page: offline before they arrive, the form would have none to choose.
      await form.locator(`option[value="${settings.customers.visited}"]`).waitFor({ state: 'attached' });

      await context.setOffline(true);
      await fillVisit(form, settings.customers.visited);
      await page.getByTestId('visit-submit').click();
      await page.getByTestId('pending-count').filter({ hasText: /^\s*1\s*$/ }).waitFor();

      await context.setOffline(false);
      await page.getByTestId('pending-count').filter({ hasText: /^\s*0\s*$/ }).waitFor({ timeout: 60_000 });
    } finally {
      await browser.close();
    }
  },

  /**
   * The real login (KeycloakLoginIT, opt-in): no session, so the page sends the browser to Keycloak's
   * form, which offers 中文; the demo manager logs in and comes back to the page asked for.
   */
  async keycloakLogin() {
    const browser = await chromium.launch({
      executablePath: settings.chromium ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ locale: 'en-US' });
      page.setDefaultTimeout(WAIT);
      await page.goto(`${settings.webUrl}/alerts`);
      await page.waitForURL(/\/realms\/crm\/protocol\/openid-connect\/auth/);
      await page.locator('#username').waitFor();
      assert.match(await page.content(), /中文/, 'the login page offers Chinese');
      if (settings.screenshots) {
        mkdirSync(settings.screenshots, { recursive: true });
        await page.screenshot({ path: `${settings.screenshots}/keycloak-login.png` });
      }
      await page.fill('#username', settings.user);
      await page.fill('#password', settings.password);
      await page.click('#kc-login');
      await page.waitForURL(`${settings.webUrl}/alerts**`);
      await page.getByTestId('alert-row').first().waitFor();
      const teams = await page.getByTestId('alert-row').evaluateAll((rows) => rows.map((r) => r.dataset.ownerTeam));
      assert.deepEqual([...new Set(teams)], [settings.team]);
      await page.getByTestId('logout').waitFor();
      if (settings.screenshots) {
        await page.screenshot({ path: `${settings.screenshots}/after-login.png` });
      }
    } finally {
      await browser.close();
    }
  },

  /** Every page in both languages, for people to look at; WebAppIT checks none is blank. */
  async screenshots() {
    mkdirSync(settings.screenshots, { recursive: true });
    const pages = [
      ['alerts', '/alerts', settings.tokens.manager, false],
      ['funnel', '/funnel', settings.tokens.manager, false],
      ['team', '/team', settings.tokens.manager, false],
      ['goals', '/goals', settings.tokens.manager, false],
      ['customer', `/customers/${settings.customers.live}`, settings.tokens.manager, false],
      ['today', '/today', settings.tokens.rep, true],
    ];
    for (const [name, path, token, mobile] of pages) {
      const { browser, page } = await open(token, { mobile });
      try {
        await visit(page, path);
        for (const lang of ['en', 'zh-CN']) {
          await language(page, lang);
          await page.locator('h1').first().waitFor();
          await page.waitForLoadState('networkidle').catch(() => {});
          await page.screenshot({ path: `${settings.screenshots}/${name}-${lang}.png`, fullPage: true });
        }
      } finally {
        await browser.close();
      }
    }
  },
};

/** Fills the visit form for a customer: by phone (no GPS check-in), with a summary. */
async function fillVisit(form, customerId) {
  await form.getByTestId('visit-customer').selectOption(customerId);
  await form.getByTestId('visit-method').selectOption('PHONE');
  await form.getByTestId('visit-summary').fill('电话沟通了新版本的演示安排，对方很感兴趣');
}

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; cases: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
try {
  await cases[name]();
  console.log(`${name}: passed`);
} catch (e) {
  console.error(`${name}: failed: ${e.stack ?? e}`);
  process.exit(1);
}
