import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Lang } from '../model/lang.js';
import { createWorkbench, type Workbench } from './app.js';
import { mkdirSync } from 'node:fs';

export interface StartOptions {
  readonly input: string;
  readonly output: string;
  /** 0 = any free port. */
  readonly port: number;
  /** When the port is taken, take any free one instead of failing (the default port only). */
  readonly fallbackPort: boolean;
  readonly asOf: string | null;
  readonly lang: Lang;
  readonly today: () => string;
  readonly now: () => Date;
}

export interface RunningWorkbench {
  readonly url: string;
  readonly port: number;
  readonly workbench: Workbench;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 only — never another interface — and serves the workbench there. The
 * port is known before the app is made, because the Host check needs it.
 */
export async function startWorkbench(options: StartOptions): Promise<RunningWorkbench> {
  mkdirSync(options.input, { recursive: true });
  const server = createServer();
  const port = await listen(server, options.port).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE' && options.fallbackPort) return listen(server, 0);
    throw error;
  });
  const workbench = createWorkbench({ ...options, port });
  server.on('request', getRequestListener(workbench.app.fetch));
  return {
    url: workbench.url,
    port,
    workbench,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}
