/** Placeholder until this part lands. */
import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../../app.ts';

export function registerSecondFactorRoutes(_app: FastifyInstance, _deps: ModuleDeps): void {}
