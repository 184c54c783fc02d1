import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Screenshots of the pages the browser tests visit land here, to be looked at after a change. */
export const SCREENSHOTS = resolve(import.meta.dirname, '..', 'test-results', 'screenshots');

/**
 * The system Chromium (Debian's `chromium` package), never a downloaded browser.
 * `npm test` installs it first when it is missing (scripts/ensure-chromium.sh).
 */
export function chromiumPath(): string {
  const fromEnv = process.env.JEJAK_CHROMIUM;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'Chromium is not installed: run `sudo apt-get install chromium` (or set JEJAK_CHROMIUM to its binary)',
    );
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
