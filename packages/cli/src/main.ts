#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError, HttpError } from '@jejak/server';
import { registerServe } from './commands/serve.command.ts';
import { registerRebuild } from './commands/rebuild.command.ts';
import { registerKeys } from './commands/keys.command.ts';
import { registerWorkspaces } from './commands/workspaces.command.ts';
import { registerDemo } from './commands/demo.command.ts';
import { registerUsers } from './commands/users.command.ts';
import { registerImport } from './commands/import.command.ts';

const program = new Command()
  .name('jejak')
  .description('Jejak: customer journeys for small and medium businesses (run with no command for help)')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerRebuild(program);
registerKeys(program);
registerWorkspaces(program);
registerDemo(program);
registerUsers(program);
registerImport(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError || error instanceof HttpError) {
    process.stderr.write(`jejak: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`jejak: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
