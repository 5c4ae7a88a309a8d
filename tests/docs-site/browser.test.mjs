// The docs site as a reader uses it: Debian's headless Chromium, driven by
// playwright-core, opens the index, searches for 1004 and for a name, follows
// the result to ROOM_NOT_EXIST and switches that section to Chinese.
//
// Run after `cargo xtask docs` (cargo xtask ci does both), which builds both sites:
//   node --test tests/docs-site/browser.test.mjs
// DOCS_SITE_DIR (default target/docs-site/html) is the built site;
// DOCS_SITE_GOLDEN_DIR (default target/docs-site/golden) the golden fixture's,
// whose titles fall back to English on the Chinese pages; DOCS_SITE_LOCALES_DIR
// (default target/docs-site/locales) the docs-locales fixture's, in six locales
// with Arabic among them; screenshots go to
// DOCS_SITE_SHOTS (default target/docs-site/screenshots); CHROMIUM (default
// /usr/bin/chromium) is the browser.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const site = resolve(process.env.DOCS_SITE_DIR ?? 'target/docs-site/html');
const golden = resolve(process.env.DOCS_SITE_GOLDEN_DIR ?? 'target/docs-site/golden');
const locales = resolve(process.env.DOCS_SITE_LOCALES_DIR ?? 'target/docs-site/locales');
const shots = resolve(process.env.DOCS_SITE_SHOTS ?? 'target/docs-site/screenshots');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// axe-core, the accessibility checker, run in the page.
const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server;
let goldenServer;
let localesServer;
let context;
let page;
let profile;

before(async () => {
  assert.ok(
    statSync(join(site, 'index.html'), { throwIfNoEntry: false }),
    `no site at ${site}: run \`cargo xtask docs\` first`,
  );
  assert.ok(
    statSync(executablePath, { throwIfNoEntry: false }),
    `no browser at ${executablePath}: \`apt-get install chromium\``,
  );
  assert.ok(
    statSync(join(golden, 'index.html'), { throwIfNoEntry: false }),
    `no golden fixture site at ${golden}: run \`cargo xtask docs\` first`,
  );
  assert.ok(
    statSync(join(locales, 'index.html'), { throwIfNoEntry: false }),
    `no docs-locales fixture site at ${locales}: run \`cargo xtask docs\` first`,
  );
  mkdirSync(shots, { recursive: true });
  server = await serve(site);
  goldenServer = await serve(golden);
  localesServer = await serve(locales);
  // A fresh profile every run. Playwright passes it as --user-data-dir itself
  // (it refuses that flag in `args`).
  profile = mkdtempSync(join(tmpdir(), 'errcat-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
});

after(async () => {
  await context?.close();
  server?.close();
  goldenServer?.close();
  localesServer?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const shot = (name) => page.screenshot({ path: join(shots, name) });

/** The element's box lies (at least partly) inside the viewport. */
// Two frames on: the page has been laid out, and site.js's observer, which stacks a
// table of codes that does not fit (after a load or a resize), has answered.
async function laidOut() {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

async function assertInViewport(locator, what) {
  const box = await locator.boundingBox();
  const { height } = page.viewportSize();
  assert.ok(box, `${what} is not rendered`);
  assert.ok(box.y >= 0 && box.y < height, `${what} is not scrolled into view (y=${box.y})`);
}

async function search(query) {
  await page.locator('#mdbook-search-toggle').click();
  const bar = page.locator('#mdbook-searchbar');
  await bar.fill('');
  await bar.pressSequentially(query);
  // mdBook searches on keyup; text that is not typed key by key (Chinese goes in as
  // inserted text, as from an input method) needs one, as a reader's last key gives.
  await bar.press('End');
  await page.locator('#mdbook-searchresults li a').first().waitFor();
}

/** The language an element is in: its nearest `lang` attribute. */
async function langOf(locator) {
  return locator.evaluate((e) => e.closest('[lang]')?.getAttribute('lang') ?? null);
}

test('index → search 1004 → ROOM_NOT_EXIST → 简体中文', async () => {
  await page.goto(server.url);
  await page.locator('main h1', { hasText: 'Error codes' }).waitFor();
  await shot('1-index.png');

  await search('1004');
  const hit = page
    .locator('#mdbook-searchresults li a[href*="en/edu.rest.html"]')
    .filter({ hasText: 'ROOM_NOT_EXIST' });
  assert.equal(await hit.count(), 1, 'one English search result for ROOM_NOT_EXIST');
  await shot('2-search-1004.png');

  await hit.click();
  await page.waitForURL(/\/en\/edu\.rest\.html.*#/);
  const heading = page.locator('h3', { hasText: 'ROOM_NOT_EXIST' });
  assert.match(await heading.innerText(), /^1004\s+ROOM_NOT_EXIST$/);
  assert.equal(await langOf(heading), 'en', 'the English page is in English');
  await assertInViewport(heading, 'the ROOM_NOT_EXIST section');
  await shot('3-room-not-exist-en.png');

  await page
    .locator('a[href*="zh-CN/edu.rest.html#edu-rest-1004"]', { hasText: '简体中文' })
    .click();
  await page.waitForURL(/\/zh-CN\/edu\.rest\.html#edu-rest-1004$/);
  const zh = page.locator('h3', { hasText: 'ROOM_NOT_EXIST' });
  await assertInViewport(zh, 'the Chinese ROOM_NOT_EXIST section');
  const message = zh.locator('xpath=following-sibling::p[1]');
  assert.equal((await message.innerText()).trim(), '房间不存在');
  assert.ok(await message.isVisible(), '房间不存在 is visible');
  // Readers and fonts take the language from the nearest lang attribute: the book is
  // English, so the Chinese page says it is Chinese, and the English text it shows
  // where a translation is missing says it is English.
  assert.equal(await langOf(message), 'zh-CN', 'the Chinese message is marked zh-CN');
  const english = page.locator('main a span', { hasText: 'English' }).first();
  assert.equal(await langOf(english), 'en', 'the link to the English page is marked en');
  const untranslated = page.locator('main p', { hasText: 'Codes returned by the education room' });
  assert.equal(await langOf(untranslated.locator('span').first()), 'en', 'English shown for a missing translation is marked en');
  // mdBook writes sidebar titles as plain text; site.js marks each with its pages' locale.
  const sidebar = page.locator('mdbook-sidebar-scrollbox');
  assert.equal(await langOf(sidebar.locator('a[href$="zh-CN/codes.html"]')), 'zh-CN', 'the sidebar\'s 错误码查询 is marked zh-CN');
  assert.equal(await langOf(sidebar.locator('a[href$="en/codes.html"]')), 'en', 'the sidebar\'s Code lookup is marked en');
  await shot('4-room-not-exist-zh-CN.png');
});

test('search finds a Chinese message by part of it', async () => {
  await page.goto(`${server.url}zh-CN/index.html`);
  // 房间不存在 ("the room does not exist") is one run of characters with no spaces.
  await search('不存在');
  const hit = page
    .locator('#mdbook-searchresults li a[href*="zh-CN/edu.rest.html"]')
    .filter({ hasText: 'ROOM_NOT_EXIST' });
  assert.equal(await hit.count(), 1, 'the Chinese ROOM_NOT_EXIST section is found by 不存在');
  // From a Chinese page, the Chinese sections come first (the English ones quote the
  // Chinese message too).
  const first = page.locator('#mdbook-searchresults li a').first();
  assert.match(await first.getAttribute('href'), /^(\.\.\/)*zh-CN\//, 'the first result is a Chinese page');
  await shot('5-search-zh-CN.png');
});

test('search finds a code by its name', async () => {
  await page.goto(`${server.url}zh-CN/index.html`);
  await search('ROOM_NOT_EXIST');
  const hits = page.locator('#mdbook-searchresults li a[href*="edu.rest.html"]');
  assert.ok((await hits.count()) >= 1, 'a result in edu.rest');
  assert.match(await hits.first().innerText(), /1004/);
  await shot('5-search-name.png');
});

test('an exact code lists the code lookup\'s row first, then the page\'s own language', async () => {
  for (const [locale, query, anchor] of [
    ['en', '1001', 'code-1001'],
    ['zh-CN', '1001', 'code-1001'],
    ['en', '-1001', 'code-minus-1001'],
  ]) {
    await page.goto(`${server.url}${locale}/index.html`);
    await search(query);
    const hrefs = await page
      .locator('#mdbook-searchresults li a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href').replace(/\?[^#]*/, '')));
    // The lookup is one long section that mdBook scores low: 20 results held none of it.
    assert.equal(hrefs[0], `../${locale}/codes.html#${anchor}`, `${query} from ${locale}: ${hrefs}`);
    const mine = hrefs.map((h) => h.startsWith(`../${locale}/`));
    assert.ok(mine.indexOf(false) < 0 || mine.lastIndexOf(true) < mine.indexOf(false), `${query} from ${locale}: the page's own language first: ${hrefs}`);
    assert.ok(mine.filter(Boolean).length >= 4, `${query} from ${locale}: the namespaces defining it in ${locale}: ${hrefs}`);
  }
  await shot('6-search-1001.png');
  await page.locator('#mdbook-searchresults li a').first().click();
  await page.waitForURL(/\/en\/codes\.html.*#code-minus-1001$/);
  await assertInViewport(page.locator('[id="code-minus-1001"]'), 'the lookup row of -1001');
});

/** Per row of the page's tables: the first cell's text, how many lines it takes, and
 *  each cell's width. */
async function tableRows() {
  return page.locator('main table').evaluateAll((tables) =>
    tables.flatMap((t) =>
      [...t.querySelectorAll('tbody tr')].map((tr) => {
        const cell = tr.children[0];
        const range = document.createRange();
        range.selectNodeContents(cell);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return {
          first: cell.innerText.trim(),
          lines: tops.size,
          widths: [...tr.children].map((td) => td.getBoundingClientRect().width),
        };
      }),
    ),
  );
}

test('a code never wraps, and on a phone the message keeps room to be read', async () => {
  const pages = [
    'en/codes.html',
    'zh-CN/codes.html',
    'en/av.recording.html',
    'zh-CN/av.client.html',
    'zh-CN/roomengine.html',
    'zh-CN/edu.rest.html',
  ];
  try {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 844 });
      for (const p of pages) {
        await page.goto(`${server.url}${p}`);
        const rows = await tableRows();
        assert.ok(rows.length > 10, `${p}: tables found`);
        const split = rows.filter((r) => r.first && r.lines > 1).map((r) => r.first.replace(/\n/g, '⏎'));
        assert.deepEqual(split, [], `${p} at ${width} px: codes drawn over two lines`);
        if (width === 390) {
          // The message (the last column) keeps room for a few words, about 9em.
          const narrow = rows.filter((r) => r.widths.length >= 4 && r.widths.at(-1) < 140);
          assert.deepEqual(narrow.map((r) => `${r.first}: ${Math.round(r.widths.at(-1))} px`), [], `${p} at 390 px: message column too narrow`);
        }
      }
      if (width === 390) await shot('7-phone-zh-CN-edu-rest.png'); // the last page of the loop
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('search finds a name in the tables, not only in its section', async () => {
  await page.goto(`${server.url}en/index.html`);
  await search('AV_ERR_SERVER_ID_NOT_IN_ROOM');
  const hrefs = await page
    .locator('#mdbook-searchresults li a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href').replace(/\?[^#]*/, '')));
  // A code's section by its stable anchor, which a rename keeps, not its heading's id.
  const details = '../en/av.server.html#av-server-10006';
  assert.ok(hrefs.includes(details), `the name's own section: ${hrefs}`);
  // mdBook's index reads any markup inside a word as a space: a name with a <wbr> in
  // it was found in the sections that spell it in a heading, never in a table.
  assert.ok(hrefs.some((h) => h.startsWith('../en/codes.html#')), `the code lookup's row: ${hrefs}`);
  assert.ok(hrefs.some((h) => h.startsWith('../en/av.server.html#') && h !== details && !h.includes('#av-server-10009')), `the namespace's table: ${hrefs}`);
});

test('a message pasted from a log leads with its code\'s section', async () => {
  // av.push 1001's message: the namespace's tables hold it too, and outscore it.
  await page.goto(`${server.url}en/index.html`);
  await search('Permission error');
  const first = page.locator('#mdbook-searchresults li a').first();
  assert.equal(
    (await first.getAttribute('href')).replace(/\?[^#]*/, ''),
    '../en/av.push.html#av-push-1001',
    `first result: ${await first.innerText()}`,
  );
});

test('on a phone names and namespace ids break, tables fit with their rows striped, and a copied name is the name', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const p of ['en/index.html', 'zh-CN/index.html', 'en/codes.html', 'zh-CN/codes.html', 'en/av.server.html', 'zh-CN/roomengine.html', 'en/edu.rest.html']) {
      await page.goto(`${server.url}${p}`);
      // A loaded page need not have been laid out yet (CI once measured a table
      // not yet stacked: 697 px in 350).
      await laidOut();
      const wide = await page.evaluate(() =>
        [document.documentElement, ...document.querySelectorAll('main .table-wrapper')]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => `${e.className || e.tagName}: ${e.scrollWidth} > ${e.clientWidth}`),
      );
      assert.deepEqual(wide, [], `${p} at 390 px scrolls sideways`);
      // Rows stay told apart by their stripe, though a table laid out as a grid
      // draws no row boxes: the colour painted under a row's first cell is that of
      // the nearest ancestor that draws a box and a background.
      const unstriped = await page.evaluate(() => {
        const painted = (cell) => {
          for (let e = cell; e; e = e.parentElement) {
            const style = getComputedStyle(e);
            if (style.display !== 'contents' && style.backgroundColor !== 'rgba(0, 0, 0, 0)') return style.backgroundColor;
          }
          return 'none';
        };
        return [...document.querySelectorAll('main table')]
          .map((t) => [...t.querySelectorAll('tbody tr')].slice(0, 2).map((r) => painted(r.cells[0])))
          .filter((colours) => colours.length === 2 && colours[0] === colours[1])
          .map((colours) => colours[0]);
      });
      assert.deepEqual(unstriped, [], `${p} at 390 px: a table's first two rows have one colour`);
    }
    // A long name and a long namespace id take more than a line, each broken where
    // site.js put a break (after `_` and `.`), and the cell holds its lines.
    await page.goto(`${server.url}en/codes.html`);
    await laidOut();
    for (const text of ['PUSH_ROOM_QUERY_GROCERY_DATA_FAILED', 'roomengine.rest']) {
      const code = page.locator('main td code', { hasText: new RegExp(`^${text.replace('.', '\\.')}$`) }).first();
      const drawn = await code.evaluate((c) => {
        const lines = new Map();
        for (const node of c.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const top = Math.round(range.getClientRects()[0].top);
          lines.set(top, (lines.get(top) ?? '') + node.data);
        }
        const cell = c.closest('td').getBoundingClientRect();
        const box = c.getBoundingClientRect();
        return { lines: [...lines.values()], inside: box.right <= cell.right + 0.5 };
      });
      assert.ok(drawn.lines.length > 1, `${text} breaks on a phone: ${drawn.lines}`);
      assert.ok(drawn.lines.slice(0, -1).every((l) => /[_.]$/.test(l)), `${text} breaks after _ or . only: ${drawn.lines}`);
      assert.ok(drawn.inside, `${text} stays inside its cell`);
      // Copied from the page, as a reader does, it is the name: no character was added.
      await code.evaluate((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      });
      await page.keyboard.press('Control+C');
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text, `${text} copied`);
    }
    await shot('8-phone-en-codes.png');
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
    await context.clearPermissions();
  }
});

test('a sidebar title shown in the fallback locale is marked with it', async () => {
  await page.goto(`${goldenServer.url}zh-CN/shop.order.html`);
  const sidebar = page.locator('mdbook-sidebar-scrollbox');
  // The golden fixture's Keywords namespace has no Chinese title: its Chinese page's
  // entry reads "Keywords (英文)", the title English, the note Chinese.
  const entry = sidebar.locator('a[href$="zh-CN/type.html"]');
  assert.equal((await entry.innerText()).trim(), 'Keywords (英文)');
  assert.equal(await langOf(entry.locator('span', { hasText: 'Keywords' })), 'en', 'the fallback title is marked en');
  assert.equal(await entry.getAttribute('lang'), 'zh-CN', 'the note is the page\'s language');
  assert.equal(await entry.locator('span[lang]').count(), 1);
  assert.equal(await entry.evaluate((a) => a.textContent.trim()), 'Keywords (英文)', 'the text is unchanged');
  // A translated title and the English page's entry are the link's language alone.
  assert.equal(await sidebar.locator('a[href$="zh-CN/shop.order.html"] span[lang]').count(), 0);
  assert.equal(await sidebar.locator('a[href$="en/type.html"] span[lang]').count(), 0);
  assert.equal(await langOf(sidebar.locator('a[href$="en/type.html"]')), 'en');
});

test('a title that is markup shows as text in the search results, and runs nothing', async () => {
  // The golden fixture's Payment group is titled `Payment <img src=x onerror=alert(1)>`.
  const dialogs = [];
  const onDialog = (d) => {
    dialogs.push(d.message());
    d.dismiss();
  };
  page.on('dialog', onDialog);
  try {
    await page.goto(`${goldenServer.url}en/index.html`);
    await search('payment');
    const hit = page.locator('#mdbook-searchresults li a', { hasText: 'onerror' }).first();
    // A word joiner follows the `<` (errcat's Markdown writes one before a tag's name).
    assert.match(await hit.innerText(), /Payment <\u2060?img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('#mdbook-searchresults img').count(), 0, 'no image in the results');
    // An image that fails to load fires its `error` on a later task: give it one.
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, [], 'nothing ran');
  } finally {
    page.off('dialog', onDialog);
  }
  // Opened with `?search=`, the page is searched as soon as the index loads, which may
  // be before site.js (late here, as on a slow network) escapes the results: the text
  // itself must be no markup.
  const late = await page.context().newPage();
  const ran = [];
  late.on('dialog', (d) => {
    ran.push(d.message());
    d.dismiss();
  });
  await late.route(/site\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 300));
    await route.continue();
  });
  try {
    await late.goto(`${goldenServer.url}en/shop.order.html?search=payment`);
    await late.locator('#mdbook-searchresults li a', { hasText: 'onerror' }).first().waitFor();
    await late.waitForTimeout(800);
    assert.equal(await late.locator('#mdbook-searchresults img').count(), 0, 'no image in the results');
    assert.deepEqual(ran, [], 'nothing ran');
  } finally {
    await late.close();
  }
});

test('a link to a code leads to the code, though a heading\'s text makes the same id', async () => {
  // The golden fixture's group "Shop order 12" gets mdBook's id `shop-order-12`, the
  // anchor of code 12, and comes before it.
  await page.goto(`${goldenServer.url}en/shop.order.html#shop-order-12`);
  assert.equal(await page.locator('[id="shop-order-12"]').count(), 1, 'one element has the id');
  const target = page.locator(':target');
  assert.equal(await target.evaluate((e) => e.tagName), 'A', 'the code\'s anchor is the target');
  await assertInViewport(page.locator('h3', { hasText: 'ORDER_NOT_FOUND' }), 'the code\'s heading');
  // The group's heading keeps a link to itself, under its new id.
  const group = page.locator('h2', { hasText: 'Shop order 12' });
  const id = await group.getAttribute('id');
  assert.equal(id, 'shop-order-12-heading');
  assert.equal(await group.locator('a.header').getAttribute('href'), `#${id}`);
});

/** Presses Tab until the focus is inside `main` (at most `limit` times): how many. */
async function tabsToContent(limit) {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('main') != null)) return n;
  }
  return Infinity;
}

test('the first tab stop skips to the content, and a code\'s sidebar entry is no tab stop', async () => {
  for (const [p, label] of [['en/roomengine.html', 'Skip to content'], ['zh-CN/av.push.html', '跳到正文']]) {
    await page.goto(`${server.url}${p}`);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    assert.equal((await skip.innerText()).trim(), label, `${p}: the first tab stop`);
    await assertInViewport(skip, `${p}: the focused skip link`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'MAIN', `${p}: the skip link focuses the content`);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.closest('main') != null), `${p}: the next tab stop is in the content`);
    // Without it, the sidebar's pages and the page's groups come first, but not
    // its codes: mdBook lists every heading of the page there, a code's too.
    await page.goto(`${server.url}${p}`);
    const codes = await page.locator('main h3').count();
    assert.ok(codes > 40, `${p}: ${codes} codes`);
    await page.locator('#mdbook-sidebar .on-this-page').waitFor();
    const tabs = await tabsToContent(codes + 60);
    assert.ok(tabs < 40, `${p}: ${tabs} tab stops before the content, of ${codes} codes`);
  }
});

test('a locale\'s page is in its language, mdBook\'s controls in the book\'s', async () => {
  for (const [p, lang] of [['index.html', 'en'], ['en/codes.html', 'en'], ['zh-CN/edu.rest.html', 'zh-CN'], ['zh-CN/index.html', 'zh-CN']]) {
    await page.goto(`${server.url}${p}`);
    const html = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
    assert.deepEqual(html, [lang, 'ltr'], `${p}: <html lang dir>`);
    assert.equal(await langOf(page.locator('#mdbook-menu-bar .menu-title')), 'en', `${p}: the book's title`);
    assert.equal(await langOf(page.locator('#mdbook-searchbar')), 'en', `${p}: the search field`);
  }
});

test('no table of codes scrolls sideways at any width, with the sidebar open or not, and its message keeps room', async () => {
  // A tablet, a page zoomed to 200 % and a laptop with the sidebar open are all
  // between a phone's width and a desktop's: names never broke there, and the
  // message was squeezed to a letter a line, or the table scrolled.
  try {
    for (const p of ['en/codes.html', 'en/av.push.html', 'en/index.html']) {
      for (const sidebar of [true, false]) {
        await page.setViewportSize({ width: 1400, height: 800 });
        await page.goto(`${server.url}${p}`);
        if ((await page.evaluate(() => document.documentElement.classList.contains('sidebar-visible'))) !== sidebar) {
          await page.locator('#mdbook-sidebar-toggle').click();
        }
        const bad = [];
        for (let width = 1400; width >= 320; width -= 60) {
          await page.setViewportSize({ width, height: 800 });
          await laidOut();
          bad.push(...(await page.evaluate((width) =>
            [...document.querySelectorAll('main :is(.codes, .namespaces) .table-wrapper')].flatMap((wrapper, t) => {
              const wide = wrapper.scrollWidth > wrapper.clientWidth + 1 ? [`${width} px: table ${t} scrolls (${wrapper.scrollWidth} > ${wrapper.clientWidth})`] : [];
              const squeezed = [...wrapper.querySelectorAll('tbody tr')]
                .map((tr) => tr.lastElementChild)
                .filter((td) => td.innerText.trim() !== '' && td.getBoundingClientRect().width < 100)
                .slice(0, 1)
                .map((td) => `${width} px: table ${t}'s last column ${Math.round(td.getBoundingClientRect().width)} px wide`);
              return [...wide, ...squeezed];
            }), width)));
        }
        assert.deepEqual(bad, [], `${p} with the sidebar ${sidebar ? 'open' : 'closed'}`);
      }
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('a namespace and a code, as `errcat explain` prints them, lead with that code', async () => {
  for (const [locale, query] of [['en', 'edu.rest/1001'], ['en', 'edu.rest 1001'], ['zh-CN', 'edu.rest/1001'], ['zh-CN', 'roomengine/-1001']]) {
    await page.goto(`${server.url}${locale}/index.html`);
    await search(query);
    const first = page.locator('#mdbook-searchresults li a').first();
    const [ns, code] = query.split(/[/ ]/);
    const href = (await first.getAttribute('href')).replace(/\?[^#]*/, '');
    // The code's stable anchor, as the namespace's tables link it.
    const anchor = `${ns.replace(/[._]/g, '-')}-${code.replace('-', 'minus-')}`;
    assert.equal(href, `../${locale}/${ns}.html#${anchor}`, `${query} from ${locale}: first ${href}`);
  }
});

test('the number of search results is announced, and each result is in its page\'s language', async () => {
  await page.goto(`${server.url}zh-CN/index.html`);
  await search('ROOM_NOT_EXIST');
  const status = page.locator('[role="status"]');
  assert.match(await status.innerText(), /^\d+ search results? for 'ROOM_NOT_EXIST'/, 'a live region holds the count');
  const results = await page.locator('#mdbook-searchresults li a').evaluateAll((as) =>
    as.map((a) => [a.getAttribute('href').split('/')[1], a.closest('[lang]')?.getAttribute('lang')]));
  assert.ok(results.some(([locale]) => locale === 'en') && results.some(([locale]) => locale === 'zh-CN'), `results in both: ${results}`);
  assert.deepEqual(results.filter(([locale, lang]) => locale !== lang), [], 'each result in its locale');
  await page.locator('#mdbook-searchbar').fill('');
  await page.locator('#mdbook-searchbar').press('End');
  await page.waitForFunction(() => document.querySelector('[role="status"]').textContent === '');
});

test('text has the contrast WCAG asks for in every theme, the dark ones too', async () => {
  // navy is the theme a reader whose system is dark gets; mdBook's links, current
  // page and (coal) title and table headers fell short of 4.5:1 in it.
  try {
    for (const theme of ['light', 'rust', 'coal', 'navy', 'ayu']) {
      for (const p of ['en/edu.rest.html', 'zh-CN/index.html']) {
        await page.goto(`${server.url}${p}`);
        await page.evaluate((t) => localStorage.setItem('mdbook-theme', t), theme);
        await page.reload();
        assert.ok(await page.evaluate((t) => document.documentElement.classList.contains(t), theme), `${theme} is on`);
        await page.addScriptTag({ path: axe });
        const { violations } = await page.evaluate(() => window.axe.run(document, { runOnly: ['color-contrast'] }));
        const low = violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.data?.contrastRatio}:1`));
        assert.deepEqual(low.slice(0, 10), [], `${theme}, ${p}: ${low.length} texts of too little contrast`);
      }
    }
  } finally {
    await page.evaluate(() => localStorage.removeItem('mdbook-theme'));
  }
});

test('the code a link leads to stands out', async () => {
  /** The background and the box shadow of `selector`'s first match. */
  const looks = (selector) => page.locator(selector).first().evaluate((e) => {
    const style = getComputedStyle(e);
    return `${style.backgroundColor} ${style.boxShadow}`;
  });
  for (const [p, hash, selector] of [
    ['en/edu.rest.html', 'edu-rest-1001', 'main h3:has-text("ROOM_NOT_PREPARED")'],
    ['en/edu.rest.html', '1001-room_not_prepared', 'main h3:has-text("ROOM_NOT_PREPARED")'],
    ['en/codes.html', 'code-1001', 'main tr:has([id="code-1001"]) > td'],
  ]) {
    await page.goto(`${server.url}${p}`);
    const plain = await looks(selector);
    await page.goto(`${server.url}${p}#${hash}`);
    assert.notEqual(await looks(selector), plain, `${p}#${hash}: ${selector} looks as without the link`);
    // Followed from another page, as a reader does: a table stacked after the
    // browser scrolled to the target does not push it out of view.
    await page.goto(`${server.url}en/index.html`);
    await page.goto(`${server.url}${p}#${hash}`);
    await assertInViewport(page.locator(selector).first(), `${p}#${hash}`);
  }
});

test('without JavaScript the index pages say where to look a code up; with it, not', async () => {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    for (const [p, lookup] of [['index.html', 'en/codes.html'], ['en/index.html', 'codes.html'], ['zh-CN/index.html', 'codes.html']]) {
      await page.goto(`${server.url}${p}`);
      // mdBook hides its search button when it has no JavaScript to run it.
      assert.equal(await page.locator('#mdbook-search-toggle').isVisible(), false, `${p}: no search button`);
      const note = page.locator('main .no-search');
      assert.ok(await note.isVisible(), `${p}: the note is shown`);
      assert.equal(await note.locator('a').getAttribute('href'), lookup, `${p}: the note links the lookup`);
    }
  } finally {
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    await cdp.detach();
  }
  await page.goto(`${server.url}en/index.html`);
  assert.equal(await page.locator('main .no-search').isVisible(), false, 'with JavaScript the note is hidden');
});

/** The boxes of the items of a list of languages (the elements directly in
 *  `selector`'s first match, whose text is each item), in the order they are written. */
async function itemBoxes(selector) {
  return page.locator(selector).first().evaluate((list) =>
    [...list.children].map((item) => {
      const box = item.getBoundingClientRect();
      return { text: item.textContent.trim(), left: box.left, right: box.right, top: box.top, bottom: box.bottom };
    }),
  );
}

/** The items' texts in the order a reader sees them on one line, right to left. */
function rightToLeft(items) {
  // On one line, each box overlaps every other one's height.
  const top = Math.max(...items.map((i) => i.top));
  assert.ok(top < Math.min(...items.map((i) => i.bottom)), `one line: ${JSON.stringify(items)}`);
  return [...items].sort((a, b) => b.right - a.right).map((i) => i.text);
}

test('on a right-to-left page the lists of languages read in their order, right to left', async () => {
  // The switcher's items are Arabic, Latin and CJK text: unless each item is a run
  // of its own, the Latin and CJK ones (and the separators between them) make one
  // left-to-right run, and "Português (Brasil) · Deutsch" came first.
  const switcher = ['storage', 'English', '简体中文', '日本語', 'العربية', 'Português (Brasil)', 'Deutsch'];
  for (const [p, selector, expected] of [
    ['ar/storage.html', 'main p:has(> a[href$="en/storage.html"])', switcher],
    ['ar/index.html', 'main p:has(> a[href$="en/index.html"])', switcher.slice(1)],
    ['ar/codes.html', 'main p:has(> a[href$="en/codes.html"])', switcher.slice(1)],
    // A code's own line: the default locale's and the page's.
    ['ar/storage.html', 'main li:has(> a[href$="en/storage.html#storage-1001"])', ['English', 'العربية']],
  ]) {
    await page.goto(`${localesServer.url}${p}`);
    assert.deepEqual(
      await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ['ar', 'rtl'],
      `${p}: <html lang dir>`,
    );
    const items = await itemBoxes(selector);
    assert.deepEqual(items.map((i) => i.text), expected, `${p}: the items as written`);
    assert.deepEqual(rightToLeft(items), expected, `${p}: the items as shown, right to left`);
  }
  await page.goto(`${localesServer.url}ar/storage.html`);
  // site.js turns the page right to left as it loads: mdBook slides its content
  // over to the other side of the sidebar in 0.3 s.
  await page.waitForTimeout(500);
  await shot('9-rtl-ar-storage.png');
});
