import { Presets, SingleBar } from 'cli-progress';

/** A progress bar on stderr for one phase; stdout stays clean for the results. */
export function phaseBar(label: string, total: number, unit = 'events'): SingleBar {
  const bar = new SingleBar(
    {
      format: `${label.padEnd(34)} {bar} {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
      // Redirected to a file (a CI log), a line every 30 s still shows the run is alive.
      noTTYOutput: true,
      notTTYSchedule: 30_000,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

/** One line on stderr saying what the bench is doing, between bars. */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}
