// `npm run web`: serves Loadwise on 127.0.0.1 and prints its one address line on stdout.
// `--import FILE` offers a file to the page when it opens, as if it were dropped on the window (a
// .loadwise-library file opens the Share screen's import preview).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootServices } from '../services/boot';
import { startBackupSchedule } from '../services/backups/schedule';
import { defaultDataDir } from '../services/paths';
import { openInChromium, removeLaunchPages, type OpenedBrowser } from './open-browser';
import { startBridge } from './bridge';

const USAGE = 'Usage: npm run web -- [--port N] [--data-dir DIR] [--no-open] [--import FILE]';

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; 'no-open'?: boolean; import?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'no-open': { type: 'boolean' },
        import: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Digits only: Number() would read '' and ' ' as 0 (a random port) and accept 0x50 or 1e3.
  const port = values.port === undefined ? 0 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a whole number from 0 to 65535, not "${values.port}".\n`);
    process.exit(2);
  }
  const toImport = values.import === undefined ? undefined : path.resolve(values.import);
  if (toImport !== undefined && !isFile(toImport)) {
    process.stderr.write(`--import: there is no file at "${values.import}".\n`);
    process.exit(2);
  }
  const appRoot = path.resolve(__dirname, '..', '..');
  const rendererDir = path.join(appRoot, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    process.stderr.write('The interface is not built yet: run "npm run build" first.\n');
    process.exit(1);
  }
  const dataDir = path.resolve(values['data-dir'] ?? (process.env.LOADWISE_DATA_DIR || defaultDataDir()));
  const version = (JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  // Tests hand the token over in the environment, never on the command line (visible in ps).
  const token = process.env.LOADWISE_TOKEN || randomBytes(32).toString('base64url');
  delete process.env.LOADWISE_TOKEN;

  const services = await bootServices({
    dataDir,
    seedDir: path.join(appRoot, 'resources', 'seed'),
    appVersion: version,
    transport: 'browser',
  });
  // Forwarding pages left by an earlier run go before this run announces itself.
  removeLaunchPages(dataDir);
  const bridge = await startBridge({ ctx: services.ctx, token, rendererDir, port, openedFiles: toImport ? [toImport] : [] });
  // A checked backup every 15 minutes when something changed, and one at quit (services/backups).
  const backups = startBackupSchedule(services.ctx);
  const address = `${bridge.url}#token=${token}`;
  let closing = false;
  let window: OpenedBrowser | null = null;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    // The window this run opened goes with it: a page left open would only say "not answering".
    window?.close();
    removeLaunchPages(dataDir);
    void bridge
      .close()
      .then(() => backups.atQuit())
      .finally(() => {
        try {
          services.close();
        } catch (err) {
          // Shutdown goes on whatever the disk does; what was committed is already on it.
          process.stderr.write(`Loadwise could not close its library cleanly: ${(err as Error).message}\n`);
        }
        process.exit(0);
      });
  };
  // Ready for a stop request before announcing the address: whoever reads the line may stop it at once.
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.stdout.write(`Loadwise is running at ${address}\n`);
  if (!values['no-open']) window = openInChromium(address, dataDir);
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

main().catch((err: Error) => {
  process.stderr.write(`Loadwise could not start: ${err.message}\n`);
  process.exit(1);
});
