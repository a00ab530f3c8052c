// Headless Chromium from Debian (apt-get install chromium), driven by playwright-core: never a downloaded
// browser. Pages are opened from file:// with every other request refused, so a page that reaches for
// anything outside its folder fails the test instead of touching the network.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's (apt-get install chromium), as .ci/run does.`);
  return chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
}

/** A browser context that allows file:// addresses under `folder` and records any other request. */
export async function offlineContext(browser: Browser, folder: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ context: BrowserContext; outside: string[] }> {
  const context = await browser.newContext(options);
  const allowed = pathToFileURL(folder).href;
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(allowed) || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { context, outside };
}

export async function openFile(page: Page, file: string): Promise<void> {
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
}
