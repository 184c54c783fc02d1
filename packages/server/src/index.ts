export { buildApp, type App, type AppOptions } from './app.ts';
export { loadConfig, ConfigError, type Config } from './config.ts';
export { createServices, type Services } from './services.ts';
export { startServer, openStore, ensureAdminKey, type RunningServer } from './server.ts';
export { HttpError } from './http/http-error.ts';
export type { IngestResult, Rejection } from './ingest/ingest.service.ts';
export type { RebuildProgress, RebuildResult } from './journey/rebuild.service.ts';
export { createExperienceServices } from './experience.services.ts';
