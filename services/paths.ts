// Where Loadwise keeps its data: the platform's per-user application data folder, named as
// Electron names userData for this app, so both transports open the same database.
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Loadwise';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_DIR_NAME);
}
