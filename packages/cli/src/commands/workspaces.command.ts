import type { Command } from 'commander';
import { printJson, withServices } from '../context.ts';

export function registerWorkspaces(program: Command): void {
  const workspaces = program
    .command('workspaces')
    .description('Create and list workspaces (one per business)');

  workspaces
    .command('create')
    .description('Create a workspace')
    .requiredOption('-n, --name <name>', 'the business name')
    .option('-s, --slug <slug>', 'short name used in commands (default: from the name)')
    .option('-t, --timezone <zone>', 'IANA time zone', 'Asia/Jakarta')
    .option('-c, --currency <code>', 'ISO 4217 currency', 'IDR')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        name: string;
        slug?: string;
        timezone: string;
        currency: string;
        json?: boolean;
      }) => {
        await withServices(async (services) => {
          const w = await services.workspaces.create(options);
          if (options.json) return printJson(w);
          process.stdout.write(`Created workspace ${w.name} (${w.slug}), id ${w.id}.\n`);
        });
      },
    );

  workspaces
    .command('list')
    .description('List workspaces')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withServices(async (services) => {
        const rows = await services.workspaces.list();
        if (options.json) return printJson(rows);
        for (const w of rows)
          process.stdout.write(`${w.id}  ${w.slug.padEnd(24)}  ${w.timezone}  ${w.currency}  ${w.name}\n`);
      });
    });
}
