import { Option, type Command } from 'commander';
import { CHANNELS, PERMISSIONS, isChannel } from '@jejak/core';
import { fail, printJson, requireWorkspace, withServices } from '../context.ts';

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('Create, list and revoke API keys');

  keys
    .command('create')
    .description('Create a key and print it once: a secret key (API) or a write key (ingestion only)')
    .addOption(new Option('-k, --kind <kind>', 'kind of key').choices(['secret', 'write']).default('secret'))
    .option(
      '-w, --workspace <id-or-slug>',
      'the workspace (required for write keys; secret keys without it are installation-wide)',
    )
    .option('-n, --name <name>', 'a name to tell keys apart', 'created with jejak keys create')
    .addOption(
      new Option(
        '-c, --channel <channel>',
        'default channel of events from this source (write keys)',
      ).choices(CHANNELS),
    )
    .addOption(
      new Option(
        '-s, --scope <permission...>',
        'what a secret key may do, one or more permissions (default: everything, *)',
      ).choices([...PERMISSIONS, '*']),
    )
    .option('--json', 'print JSON')
    .action(
      async (options: {
        kind: 'secret' | 'write';
        workspace?: string;
        name: string;
        channel?: string;
        scope?: string[];
        json?: boolean;
      }) => {
        if (options.kind === 'write' && !options.workspace)
          fail('a write key belongs to a workspace: pass --workspace <id-or-slug>');
        if (options.kind === 'write' && options.scope)
          fail('a write key only sends events: --scope is for secret keys');
        await withServices(async (services) => {
          const workspaceId = options.workspace
            ? (await requireWorkspace(services, options.workspace)).id
            : null;
          const created = await services.keys.create({
            workspaceId,
            kind: options.kind,
            name: options.name,
            defaultChannel: isChannel(options.channel) ? options.channel : null,
            ...(options.scope ? { scopes: options.scope } : {}),
          });
          const scopes = JSON.parse(created.row.scopes_json) as string[];
          if (options.json)
            return printJson({
              id: created.row.id,
              kind: created.row.kind,
              workspaceId,
              scopes,
              key: created.key,
            });
          process.stdout.write(
            `Created ${options.kind} key ${created.row.id}${workspaceId ? ` for workspace ${workspaceId}` : ' (installation-wide)'}` +
              `${options.kind === 'secret' ? `, scopes ${scopes.join(', ')}` : ''}.\n` +
              `It is shown only now:\n\n  ${created.key}\n\n`,
          );
        });
      },
    );

  keys
    .command('list')
    .description('List keys (never the secret itself)')
    .option('-w, --workspace <id-or-slug>', 'keys of this workspace (default: installation-wide keys)')
    .option('--json', 'print JSON')
    .action(async (options: { workspace?: string; json?: boolean }) => {
      await withServices(async (services) => {
        const workspaceId = options.workspace
          ? (await requireWorkspace(services, options.workspace)).id
          : null;
        const rows = await services.keys.list(workspaceId);
        if (options.json) return printJson(rows.map(({ key_hash: _hash, ...rest }) => rest));
        if (rows.length === 0) return void process.stdout.write('No keys.\n');
        for (const k of rows) {
          const state = k.revoked_at ? 'revoked' : 'active';
          const used = k.last_used_at ? new Date(k.last_used_at).toISOString() : 'never used';
          process.stdout.write(
            `${k.id}  ${k.kind.padEnd(6)}  ${k.prefix}…  ${state.padEnd(7)}  ${used}  ${k.name}\n`,
          );
        }
      });
    });

  keys
    .command('revoke')
    .description('Revoke a key by id; it stops working at once')
    .argument('<id>', 'the key id (see jejak keys list)')
    .action(async (id: string) => {
      await withServices(async (services) => {
        if (!(await services.keys.revoke(id))) fail(`no active key with id ${id}`);
        process.stdout.write(`Revoked key ${id}.\n`);
      });
    });
}
