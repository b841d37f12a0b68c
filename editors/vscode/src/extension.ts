// The VS Code client for plimsoll: finds plimsoll-lsp, starts it for Dockerfiles and
// Kubernetes YAML, and restarts it when asked or when its settings change. Every finding,
// fix and hover comes from the server.

import * as vscode from 'vscode';
import {
  DocumentSelector,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { Missing, SERVER_BINARY, currentEnvironment, findServer } from './serverPath';

/** The client id: also the prefix of the `plimsoll.trace.server` setting the client reads. */
const CLIENT_ID = 'plimsoll';
const RESTART_COMMAND = 'plimsoll.restartServer';
const CONFIG_FILES = '**/{plimsoll.toml,.plimsoll.toml}';

/** Settings that only take effect when the server is started again. */
const RESTART_SETTINGS = ['plimsoll.enable', 'plimsoll.server.path'];

/** Languages the server lints, as editor documents and as unsaved buffers. */
const LANGUAGES = ['dockerfile', 'yaml'];
/** Dockerfiles the editor may not know as `dockerfile` (e.g. `Dockerfile.prod` as plain text). */
const DOCKERFILE_NAMES = '**/{Dockerfile*,Containerfile*,*.Dockerfile,*.Containerfile}';

const DOCUMENT_SELECTOR: DocumentSelector = [
  ...LANGUAGES.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]),
  { scheme: 'file', pattern: DOCKERFILE_NAMES },
];

/** What every client started in this session shares; made once in `activate`. */
interface Session {
  outputChannel: vscode.OutputChannel;
  /** Owned here, not by the client: the client only hooks listeners to it. */
  configWatcher: vscode.FileSystemWatcher;
}

let session: Session | undefined;
let client: LanguageClient | undefined;
/** Starts and stops run one after another, so two quick restarts never leave two servers. */
let lifecycle: Promise<void> = Promise.resolve();

function queue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  session = {
    outputChannel: vscode.window.createOutputChannel('plimsoll'),
    configWatcher: vscode.workspace.createFileSystemWatcher(CONFIG_FILES),
  };
  context.subscriptions.push(
    session.outputChannel,
    session.configWatcher,
    vscode.commands.registerCommand(RESTART_COMMAND, () => restart()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
        void restart();
      }
    }),
  );
  await queue(start);
}

export function deactivate(): Promise<void> {
  return queue(stop);
}

function restart(): Promise<void> {
  return queue(async () => {
    await stop();
    await start();
  });
}

async function start(): Promise<void> {
  if (session === undefined) {
    return;
  }
  const config = vscode.workspace.getConfiguration('plimsoll');
  if (!config.get<boolean>('enable', true)) {
    return;
  }
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const lookup = findServer(currentEnvironment(config.get<string>('server.path', ''), workspaceFolder));
  if ('missing' in lookup) {
    void reportMissing(lookup.missing);
    return;
  }
  const executable: Executable = {
    command: lookup.found,
    transport: TransportKind.stdio,
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { fileEvents: session.configWatcher },
    outputChannel: session.outputChannel,
  };
  const started = new LanguageClient(CLIENT_ID, 'plimsoll', serverOptions, clientOptions);
  client = started;
  try {
    await started.start();
  } catch (error) {
    // A client whose start failed has already cleaned up after itself and cannot be stopped.
    client = undefined;
    void vscode.window.showErrorMessage(`plimsoll: could not start ${lookup.found}: ${describe(error)}`);
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  try {
    await running?.dispose();
  } catch (error) {
    // The client kills a server that does not answer `shutdown` in time.
    session?.outputChannel.appendLine(`plimsoll-lsp did not stop cleanly: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function reportMissing(missing: Missing): Promise<void> {
  const openSettings = 'Open Settings';
  const message =
    missing.reason === 'setting'
      ? `plimsoll: plimsoll.server.path is set to ${missing.configured}, which is not an executable file.`
      : `plimsoll: ${SERVER_BINARY} was not found on PATH. Install it (cargo install --locked ` +
        `--git https://github.com/plimsoll-dev/plimsoll plimsoll-lsp) or set plimsoll.server.path.`;
  const choice = await vscode.window.showErrorMessage(message, openSettings);
  if (choice === openSettings) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'plimsoll.server.path');
  }
}
