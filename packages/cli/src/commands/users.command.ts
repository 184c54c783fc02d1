import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { loadConfig } from '@jejak/server';
import { printJson, withServices } from '../context.ts';

/** Where people open Jejak: JEJAK_PUBLIC_URL, or the address `jejak serve` listens on. */
function publicUrl(): string {
  const config = loadConfig();
  return config.publicUrl ?? `http://${config.host}:${config.port}`;
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('People who sign in to the dashboard');

  users
    .command('create-owner')
    .description('First run: create the first owner and their workspace (refused once an owner exists)')
    .requiredOption('-e, --email <email>', 'the owner’s email address')
    .requiredOption('-w, --workspace-name <name>', 'the business, e.g. "Kopi Sari"')
    .option('-n, --name <name>', 'the owner’s name (default: the email)')
    .option('-p, --password <password>', 'the password (default: a random one, printed once)')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        email: string;
        workspaceName: string;
        name?: string;
        password?: string;
        json?: boolean;
      }) => {
        const password = options.password ?? randomBytes(12).toString('base64url');
        await withServices(async (services) => {
          const { user, workspace } = await services.accounts.createOwner({
            email: options.email,
            name: options.name ?? options.email,
            password,
            workspaceName: options.workspaceName,
          });
          const shown = options.password ? undefined : password;
          if (options.json)
            return printJson({
              userId: user.id,
              email: user.email,
              workspaceId: workspace.id,
              password: shown,
            });
          process.stdout.write(
            `Created owner ${user.email} of workspace ${workspace.name} (${workspace.slug}).\n`,
          );
          if (shown)
            process.stdout.write(`Password, shown only now (change it after signing in):\n\n  ${shown}\n\n`);
        });
      },
    );

  users
    .command('reset-password')
    .description('Print a one-time password reset link (valid for an hour) for an account')
    .argument('<email>', 'the account’s email address')
    .option('--json', 'print JSON')
    .action(async (email: string, options: { json?: boolean }) => {
      await withServices(async (services) => {
        const reset = await services.accounts.createResetToken(email);
        const link = `${publicUrl()}/reset-password#token=${reset.token}`;
        if (options.json)
          return printJson({ email: reset.user.email, link, token: reset.token, expiresAt: reset.expiresAt });
        process.stdout.write(
          `No mail transport is configured, so here is the link for ${reset.user.email}.\n` +
            `It works once, until ${new Date(reset.expiresAt).toISOString()}:\n\n  ${link}\n\n` +
            `Or: POST /api/v1/auth/password-reset {"token": "${reset.token}", "newPassword": "..."}\n`,
        );
      });
    });
}
