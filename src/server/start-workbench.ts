import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createWorkbench, type Workbench, type WorkbenchOptions } from './app.js';
import { mkdirSync } from 'node:fs';

/** The workbench's own options, `port` 0 meaning any free port. */
export interface StartOptions extends WorkbenchOptions {
  /** When the port is taken, take any free one instead of failing (the default port only). */
  readonly fallbackPort: boolean;
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
