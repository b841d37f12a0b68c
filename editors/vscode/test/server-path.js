// Tests the lookup of plimsoll-lsp (the compiled out/serverPath.js) on a scratch folder.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const test = require('node:test');
const { findServer, SERVER_BINARY } = require('../out/serverPath');

const posix = process.platform !== 'win32';

function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plimsoll-vscode-'));
  test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function writeExecutable(file, mode = 0o755) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\n');
  fs.chmodSync(file, mode);
  return file;
}

function environment(overrides) {
  return {
    configured: '',
    searchPath: '',
    platform: process.platform,
    home: os.homedir(),
    ...overrides,
  };
}

test('finds the server on PATH, first directory first', { skip: !posix && 'POSIX modes' }, () => {
  const dir = scratch();
  const first = writeExecutable(path.join(dir, 'a', SERVER_BINARY));
  writeExecutable(path.join(dir, 'b', SERVER_BINARY));
  const searchPath = ['', path.join(dir, 'empty'), path.join(dir, 'a'), path.join(dir, 'b')].join(':');
  assert.deepEqual(findServer(environment({ searchPath })), { found: first });
});

test('skips files on PATH that are not executable', { skip: !posix && 'POSIX modes' }, () => {
  const dir = scratch();
  writeExecutable(path.join(dir, 'a', SERVER_BINARY), 0o644);
  fs.mkdirSync(path.join(dir, 'b', SERVER_BINARY), { recursive: true });
  const searchPath = [path.join(dir, 'a'), path.join(dir, 'b')].join(':');
  assert.deepEqual(findServer(environment({ searchPath })), { missing: { reason: 'path' } });
});

test('the setting wins over PATH', { skip: !posix && 'POSIX modes' }, () => {
  const dir = scratch();
  writeExecutable(path.join(dir, 'bin', SERVER_BINARY));
  const configured = writeExecutable(path.join(dir, 'custom', 'my-lsp'));
  const env = environment({ configured, searchPath: path.join(dir, 'bin') });
  assert.deepEqual(findServer(env), { found: configured });
});

test('a relative setting is taken from the workspace folder', { skip: !posix && 'POSIX modes' }, () => {
  const dir = scratch();
  const binary = writeExecutable(path.join(dir, 'target', 'debug', SERVER_BINARY));
  const env = environment({ configured: 'target/debug/plimsoll-lsp', workspaceFolder: dir });
  assert.deepEqual(findServer(env), { found: binary });
});

test('a leading ~ in the setting is the home directory', { skip: !posix && 'POSIX modes' }, () => {
  const home = scratch();
  const binary = writeExecutable(path.join(home, '.cargo', 'bin', SERVER_BINARY));
  const env = environment({ configured: '~/.cargo/bin/plimsoll-lsp', home });
  assert.deepEqual(findServer(env), { found: binary });
});

test('a setting naming a missing file is reported, not replaced by PATH', { skip: !posix && 'POSIX modes' }, () => {
  const dir = scratch();
  writeExecutable(path.join(dir, 'bin', SERVER_BINARY));
  const configured = path.join(dir, 'nowhere', SERVER_BINARY);
  const env = environment({ configured, searchPath: path.join(dir, 'bin') });
  assert.deepEqual(findServer(env), { missing: { reason: 'setting', configured } });
});

test('on Windows, PATH entries are tried with each PATHEXT extension', () => {
  const dir = scratch();
  const binary = path.join(dir, `${SERVER_BINARY}.EXE`);
  fs.writeFileSync(binary, '');
  const env = environment({
    platform: 'win32',
    searchPath: [path.join(dir, 'missing'), dir].join(';'),
    pathExtensions: '.COM;.EXE',
  });
  assert.deepEqual(findServer(env), { found: binary });
});
