/**
 * Launch Debian's Chromium (`/usr/bin/chromium`, installed by `.ci/install-chromium`) through
 * playwright-core. Never downloads a browser; flags keep it from reaching the network on its own
 * (component updates, sync, background fetches), so a page's requests are the only requests.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { CannotRunError } from "../errors.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--no-first-run",
  "--disable-quic",
  "--disable-component-update",
  "--disable-sync",
] as const;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new CannotRunError(`no Chromium at ${CHROMIUM_PATH}; install it with .ci/install-chromium (Debian's chromium package)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}
