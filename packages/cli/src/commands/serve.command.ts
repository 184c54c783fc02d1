import type { Command } from 'commander';
import { loadConfig, startServer } from '@jejak/server';
import { parsePort } from './options.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the API, the ingestion endpoint and the background jobs (SQLite in ./data unless DATABASE_URL is set)',
    )
    .option('-p, --port <port>', 'port to listen on (default JEJAK_PORT or 3000)', parsePort)
    .option(
      '-H, --host <host>',
      'address to listen on (default JEJAK_HOST or 127.0.0.1; 0.0.0.0 for the whole network)',
    )
    .action(async (options: { port?: number; host?: string }) => {
      const config = loadConfig(undefined, {
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.host !== undefined ? { host: options.host } : {}),
      });
      const server = await startServer(config);
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          void server.close().then(() => process.exit(0));
        });
      }
    });
}
