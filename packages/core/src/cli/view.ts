/**
 * `mycorrhiza view [file...] [--port N]`: serve the built viewer (packages/viewer/dist) on 127.0.0.1 with the
 * given files available to the page at `/data/manifest.json` and `/data/<n>`, and print the address. Uses
 * node:http only; every answer carries a Content-Security-Policy that keeps the page local.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatFlags, parseArgs, UsageError, type FlagSpec } from './args.js';
import { readInputFiles, type NamedBytes } from './io-node.js';
import type { Command } from './main.js';

const FLAGS: Record<string, FlagSpec> = {
  port: { kind: 'string', help: 'port on 127.0.0.1 (default 5173, or the next free one)' },
  help: { kind: 'boolean', help: 'show this help' },
};

const HELP = `Usage: mycorrhiza view [file...] [--port N]

Opens the viewer on this computer (http://127.0.0.1:PORT/) with the attendance files loaded (CSV, XLSX, JSON).
Without files it shows the "rupel" example. Nothing leaves the computer. Stop with Ctrl+C.

Options:
${formatFlags(FLAGS)}
`;

/** The policy sent with every answer (the same as the meta tag in the viewer's index.html). */
export const VIEWER_CSP =
  "default-src 'self'; script-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; worker-src 'self' blob:; connect-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

/** Default port (Vite's), tried first. */
export const VIEW_DEFAULT_PORT = 5173;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Where the built viewer lives: packages/viewer/dist beside this package (dist/cli/view.js → ../../../viewer/dist). */
export function defaultViewerDist(): string {
  return fileURLToPath(new URL('../../../viewer/dist/', import.meta.url));
}

export interface ViewServerOptions {
  /** Files made available to the page. Default: none (the page opens the `rupel` example). */
  files?: readonly NamedBytes[];
  /** Port; with `strictPort` false the next free port is taken when it is busy. Default: 5173. */
  port?: number;
  /** Fail instead of trying the next port. Default: false. */
  strictPort?: boolean;
  /** The built viewer's folder. Default: `defaultViewerDist()`. */
  dist?: string;
}

export interface ViewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      fail(err);
    };
    const onListening = () => {
      server.off('error', onError);
      const addr = server.address();
      ok(typeof addr === 'object' && addr ? addr.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** Start the viewer server. Throws UsageError when the viewer is not built or the port is taken. */
export async function startViewServer(options: ViewServerOptions = {}): Promise<ViewServer> {
  const dist = resolve(options.dist ?? defaultViewerDist());
  if (!existsSync(join(dist, 'index.html')))
    throw new UsageError(`mycorrhiza view: the viewer is not built (no ${join(dist, 'index.html')}). Run "pnpm -r build" at the repository root, then try again.`);
  const files = options.files ?? [];
  const manifest = JSON.stringify({ files: files.map((f, i) => ({ name: basename(f.name), url: `data/${i}` })) });

  const server = createServer((req, res) => {
    const headers: Record<string, string> = {
      'Content-Security-Policy': VIEWER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed.\n');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request.\n');
      return;
    }
    const send = (status: number, type: string, body: Uint8Array | string) => {
      res.writeHead(status, { ...headers, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (path === '/data/manifest.json') return send(200, TYPES['.json']!, manifest);
    const data = /^\/data\/(\d+)$/.exec(path);
    if (data) {
      const f = files[Number(data[1])];
      return f ? send(200, 'application/octet-stream', f.bytes) : send(404, 'text/plain; charset=utf-8', 'Not found.\n');
    }
    const rel = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
    const full = resolve(dist, rel);
    // Never serve outside the viewer's folder.
    if (full !== dist && !full.startsWith(dist + sep)) return send(403, 'text/plain; charset=utf-8', 'Forbidden.\n');
    let isFile = false;
    try {
      isFile = statSync(full).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) return send(404, 'text/plain; charset=utf-8', 'Not found.\n');
    send(200, TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream', readFileSync(full));
  });

  const first = options.port ?? VIEW_DEFAULT_PORT;
  const strict = options.strictPort ?? false;
  let port = -1;
  for (let p = first; p < first + (strict || first === 0 ? 1 : 20); p++) {
    try {
      port = await listen(server, p);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw err;
      if (strict) throw new UsageError(`mycorrhiza view: port ${p} is in use. Choose another with --port, e.g. --port ${p + 1}.`);
    }
  }
  if (port < 0) throw new UsageError(`mycorrhiza view: ports ${first}–${first + 19} are all in use. Choose one with --port.`);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

export const viewCommand: Command = {
  summary: 'serve the viewer on 127.0.0.1 with the files loaded',
  async run(argv) {
    const { positionals, flags } = parseArgs('view', argv, FLAGS);
    if (flags.help) {
      process.stdout.write(HELP);
      return 0;
    }
    let port: number | undefined;
    if (flags.port !== undefined) {
      port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`mycorrhiza view: flag "--port" should be a whole number from 0 to 65535, received "${String(flags.port)}".`);
    }
    const files = positionals.length ? readInputFiles('view', positionals) : [];
    const server = await startViewServer({ files, port, strictPort: port !== undefined });
    process.stdout.write(`Mycorrhiza viewer: ${server.url}\n`);
    if (files.length) process.stdout.write(`Files: ${files.map((f) => basename(f.name)).join(', ')}\n`);
    process.stdout.write('Press Ctrl+C to stop.\n');
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
