/**
 * The playground in a real browser: headless Chromium from npm (@sparticuz/chromium, or CHROMIUM_PATH), driven by
 * playwright-core, against `npm start`. The page must load with no request leaving loopback (each one is checked,
 * anything else is aborted and fails the test), start with the demo key in its headers and the examples in its tabs,
 * browse the schema docs, and run a query typed into the editor. A screenshot is written to
 * test-results/playground.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sparticuz from "@sparticuz/chromium";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, startLocalServer, type RunningLocalServer } from "../support/local-server";

/** Keep the browser from calling home: nothing but the page's own requests, which all go to loopback. */
const QUIET_ARGS = [
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/**
 * @sparticuz/chromium's flags for running its build without a sandbox, less those that switch web security off: the
 * page must load under the browser's own rules, its Content-Security-Policy included.
 */
const INSECURE_ARGS = new Set([
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--disable-site-isolation-trials",
]);

/**
 * The browser: a headless Chromium that ships inside the @sparticuz/chromium npm package (unpacked into the temp folder
 * on first use), so `npm ci && npm test` needs no system browser; CHROMIUM_PATH runs another one (e.g. Debian's).
 */
async function browserToLaunch(): Promise<{ executablePath: string; args: string[] }> {
  const override = process.env.CHROMIUM_PATH;
  if (override !== undefined && override !== "") {
    if (!existsSync(override)) throw new Error(`No Chromium at CHROMIUM_PATH=${override}.`);
    return { executablePath: override, args: ["--headless", "--no-sandbox", "--disable-gpu", ...QUIET_ARGS] };
  }
  // No GPU, not even its software one (SwiftShader through ANGLE), which crashed Chromium at launch here now and then
  // (SIGTRAP after "eglInitialize SwANGLE failed"); the playground needs no WebGL.
  sparticuz.setGraphicsMode = false;
  return {
    executablePath: await sparticuz.executablePath(),
    args: [...sparticuz.args.filter((arg) => !INSECURE_ARGS.has(arg)), "--disable-gpu", ...QUIET_ARGS],
  };
}

const SCREENSHOT = join(REPO_ROOT, "test-results", "playground.png");
const LOOPBACK_URL = /^(https?|wss?):\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\//;
// Not network requests: the page's own inline data and the browser's internals.
const LOCAL_SCHEMES = /^(data|blob|about|chrome|chrome-extension|devtools):/;

let server: RunningLocalServer;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const requested: string[] = [];
const leftLoopback: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  const browser = await browserToLaunch();
  server = await startLocalServer("playground-e2e-key");
  userDataDir = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    ...browser,
    headless: true,
    viewport: { width: 1400, height: 900 },
  });
  // Every request of every page and worker passes here first: loopback goes on, anything else is refused and recorded.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (LOOPBACK_URL.test(url) || LOCAL_SCHEMES.test(url)) return route.continue();
    leftLoopback.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => requested.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // A Content-Security-Policy violation means the page tried to load something from elsewhere.
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
});

afterAll(async () => {
  await context?.close();
  if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  await server?.stop();
});

const HEADERS_EDITOR = 'section.graphiql-editor-tool[aria-label="Headers"]';

/** The text of the visible Monaco editor in `selector` (its rendered lines only: enough for short contents). */
const editorText = (selector: string) =>
  page
    .locator(`${selector} .view-lines`)
    .filter({ visible: true })
    .first()
    .innerText({ timeout: 10_000 })
    .then((t) => t.replace(/\u00a0/g, " "));

describe("the playground at http://localhost:PORT/", () => {
  it("loads from the API alone, with the demo key in the headers and the examples in tabs", async () => {
    const started = Date.now();
    await page.goto(`${server.url}/`);
    await page.locator(".graphiql-container").waitFor();
    await expect.poll(() => editorText(".graphiql-query-editor"), { timeout: 20_000 }).toContain("RootOrgUnit");
    await expect.poll(() => editorText(HEADERS_EDITOR), { timeout: 10_000 }).toContain(server.apiKey);
    const tabs = await page.locator(".graphiql-tab").allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual([
      "RootOrgUnit",
      "EmeaImap",
      "PreviewRestriction",
      "AccessDecisions",
      "AuditLog",
      "ImapException",
    ]);
    console.log(`playground loaded in ${Date.now() - started} ms with ${requested.length} requests`);
  });

  it("browses the schema documentation (fetched by introspection with the demo key)", async () => {
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    const docs = page.locator(".graphiql-plugin");
    await docs.getByText("Query", { exact: true }).first().click({ timeout: 20_000 });
    await expect.poll(() => docs.innerText()).toContain("orgUnit");
    await docs.getByText("orgUnit", { exact: true }).first().click();
    await expect.poll(() => docs.innerText()).toContain("One organizational unit, found by its path");
  });

  it("runs a query typed into the editor and shows its result", async () => {
    await page.getByRole("button", { name: "New tab" }).click();
    const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    // insertText types like a paste: Monaco's auto-closing of brackets would double what keyboard.type sends.
    await page.keyboard.insertText(
      'query TypedInBrowser { orgUnit(orgUnitPath: "/Sales/EMEA") { path users { nodes { email } } } }',
    );
    await expect.poll(() => editorText(".graphiql-query-editor")).toContain("TypedInBrowser");
    await page.getByRole("button", { name: "Prettify query (Shift-Ctrl-P)" }).click();
    // A new tab starts with the default headers: the demo key again.
    await expect.poll(() => editorText(HEADERS_EDITOR)).toContain(server.apiKey);
    // GraphiQL names the tab after the operation once it has parsed the new query (debounced); run before that, it
    // sends the previous tab's operation name with the new document (OPERATION_RESOLUTION_FAILURE on a busy machine).
    await page.locator(".graphiql-tab", { hasText: "TypedInBrowser" }).waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: "Execute query (Ctrl-Enter)" }).click();
    await expect.poll(() => editorText(".graphiql-response"), { timeout: 20_000 }).toContain('"path": "/Sales/EMEA"');
    expect(await editorText(".graphiql-response")).toContain('"email": "ana@example.com"');
    mkdirSync(join(REPO_ROOT, "test-results"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    console.log(`screenshot: ${SCREENSHOT}`);
  });

  it("sent no request beyond loopback, and the page reported no error (CSP violations included)", () => {
    expect(leftLoopback).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !LOOPBACK_URL.test(url) && !LOCAL_SCHEMES.test(url))).toEqual([]);
    expect(problems).toEqual([]);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
