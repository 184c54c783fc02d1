import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { printJson, requireWorkspace, withServices } from '../context.ts';

export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .description('Recompute every customer journey from the stored events with the rules in force')
    .option('-w, --workspace <id-or-slug>', 'only this workspace (default: all)')
    .option('--json', 'print the result as JSON and no progress bar')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      await withServices(async (services) => {
        const workspaceId = options.workspace
          ? (await requireWorkspace(services, options.workspace)).id
          : undefined;
        const bar = options.json
          ? undefined
          : new SingleBar(
              { format: 'Rebuild {bar} {percentage}% | {value}/{total} events | {eta_formatted} left' },
              Presets.shades_classic,
            );
        let started = false;
        const result = await services.rebuild.run({
          ...(workspaceId ? { workspaceId } : {}),
          onProgress: (p) => {
            if (!bar) return;
            if (!started) {
              bar.start(p.totalEvents, 0);
              started = true;
            }
            bar.setTotal(p.totalEvents);
            bar.update(p.events);
          },
        });
        bar?.stop();
        if (options.json) return printJson(result);
        const rate = result.ms > 0 ? Math.round((result.events / result.ms) * 1000) : result.events;
        process.stdout.write(
          `Rebuilt ${result.customers} customers from ${result.events} events in ${result.ms} ms ` +
            `(${rate.toLocaleString('en')} events/s); ${result.transitions} transitions.\n`,
        );
      });
    });
}
