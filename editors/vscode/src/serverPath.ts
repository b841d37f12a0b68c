// Where plimsoll-lsp lives: the `plimsoll.server.path` setting, else a search of PATH.
// Kept free of the `vscode` module so that plain node can test it.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The name of the server binary looked up on PATH. */
export const SERVER_BINARY = 'plimsoll-lsp';

/** Why no server was found: the setting names a missing file, or PATH has no server. */
export type Missing = { reason: 'setting'; configured: string } | { reason: 'path' };

export type Lookup = { found: string } | { missing: Missing };

/** Everything the lookup reads from its surroundings, so tests can supply their own. */
export interface Environment {
  /** The `plimsoll.server.path` setting, trimmed; empty when unset. */
  configured: string;
  /** The folder that a relative setting is taken from, if a workspace is open. */
  workspaceFolder?: string;
  /** The PATH variable. */
  searchPath: string;
  /** The PATHEXT variable (Windows only). */
  pathExtensions?: string;
  platform: NodeJS.Platform;
  home: string;
}

export function currentEnvironment(configured: string, workspaceFolder?: string): Environment {
  return {
    configured: configured.trim(),
    workspaceFolder,
    searchPath: process.env.PATH ?? '',
    pathExtensions: process.env.PATHEXT,
    platform: process.platform,
    home: os.homedir(),
  };
}

/** Finds the server binary, preferring the setting over PATH. */
export function findServer(env: Environment): Lookup {
  if (env.configured !== '') {
    const resolved = resolveConfigured(env);
    return isExecutable(resolved, env.platform)
      ? { found: resolved }
      : { missing: { reason: 'setting', configured: resolved } };
  }
  const found = searchPath(SERVER_BINARY, env);
  return found === undefined ? { missing: { reason: 'path' } } : { found };
}

function resolveConfigured(env: Environment): string {
  let configured = env.configured;
  if (configured === '~' || configured.startsWith('~/') || configured.startsWith('~\\')) {
    configured = path.join(env.home, configured.slice(1));
  }
  if (!path.isAbsolute(configured) && env.workspaceFolder !== undefined) {
    configured = path.join(env.workspaceFolder, configured);
  }
  return path.resolve(configured);
}

function searchPath(binary: string, env: Environment): string | undefined {
  const windows = env.platform === 'win32';
  const delimiter = windows ? ';' : ':';
  const extensions = windows
    ? (env.pathExtensions ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e !== '')
    : [''];
  for (const dir of env.searchPath.split(delimiter)) {
    if (dir === '') {
      continue;
    }
    for (const extension of extensions) {
      const candidate = path.join(dir, binary + extension);
      if (isExecutable(candidate, env.platform)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    fs.accessSync(file, platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
