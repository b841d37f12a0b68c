// Checks that package.json declares exactly the settings, commands and activation events
// that src/extension.ts uses, so a rename on one side cannot go unnoticed.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const test = require('node:test');
const { minimatch } = require('minimatch');

const root = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const source = fs.readFileSync(path.join(root, 'src', 'extension.ts'), 'utf8');

/** The value of `const NAME = '...'` in the source. */
function constant(name) {
  const match = source.match(new RegExp(`const ${name} = '([^']*)'`));
  assert.ok(match, `src/extension.ts has no string constant ${name}`);
  return match[1];
}

/** The string items of `const NAME = [...]` in the source. */
function constantList(name) {
  const match = source.match(new RegExp(`const ${name} = \\[([^\\]]*)\\]`));
  assert.ok(match, `src/extension.ts has no list constant ${name}`);
  return [...match[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

function all(regex) {
  return [...source.matchAll(regex)].map((m) => m[1]);
}

const section = manifest.contributes.configuration.title;
const declaredSettings = Object.keys(manifest.contributes.configuration.properties).sort();
const declaredCommands = manifest.contributes.commands.map((c) => c.command).sort();

test('the source reads its settings from the declared section', () => {
  assert.equal(section, 'plimsoll');
  assert.deepEqual(all(/getConfiguration\('([^']*)'\)/g), [section]);
});

test('every declared setting is read, and every setting read is declared', () => {
  const read = new Set(all(/\.get<[^>]+>\('([^']+)'/g).map((key) => `${section}.${key}`));
  // vscode-languageclient reads `<client id>.trace.server` itself.
  read.add(`${constant('CLIENT_ID')}.trace.server`);
  assert.deepEqual([...read].sort(), declaredSettings);
});

test('every setting or command named in the source exists', () => {
  const named = all(/'(plimsoll\.[\w.]+)'/g);
  const known = new Set([...declaredSettings, ...declaredCommands]);
  for (const name of named) {
    assert.ok(known.has(name), `src/extension.ts names ${name}, which package.json does not declare`);
  }
  for (const setting of constantList('RESTART_SETTINGS')) {
    assert.ok(declaredSettings.includes(setting), `RESTART_SETTINGS has unknown ${setting}`);
  }
});

test('the trace setting offers the levels vscode-languageclient understands', () => {
  const trace = manifest.contributes.configuration.properties['plimsoll.trace.server'];
  assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
  assert.equal(trace.default, 'off');
});

test('the registered commands are the declared ones', () => {
  const registered = all(/registerCommand\((\w+)/g).map(constant).sort();
  assert.deepEqual(registered, declaredCommands);
  for (const command of manifest.contributes.commands) {
    assert.ok(command.title, `${command.command} has no title`);
  }
});

test('the extension activates for every language it lints', () => {
  const events = constantList('LANGUAGES').map((language) => `onLanguage:${language}`);
  assert.deepEqual([...manifest.activationEvents].sort(), events.sort());
});

test('the Dockerfile name pattern matches Dockerfiles and nothing else', () => {
  const pattern = constant('DOCKERFILE_NAMES');
  const matches = (file) => minimatch(file, pattern, { dot: true });
  for (const file of [
    'Dockerfile',
    'app/Dockerfile.prod',
    'api.Dockerfile',
    'Containerfile',
    'build/Containerfile.dev',
  ]) {
    assert.ok(matches(file), `${pattern} misses ${file}`);
  }
  for (const file of ['docker-compose.yml', 'deploy/pod.yaml', 'notes/Dockerfiles.md.bak/x']) {
    assert.ok(!matches(file), `${pattern} wrongly matches ${file}`);
  }
});

test('the config watcher sees both config file names', () => {
  const pattern = constant('CONFIG_FILES');
  for (const file of ['plimsoll.toml', 'sub/dir/.plimsoll.toml']) {
    assert.ok(minimatch(file, pattern, { dot: true }), `${pattern} misses ${file}`);
  }
  assert.ok(!minimatch('pyproject.toml', pattern, { dot: true }));
});

test('main points at the compiled extension', () => {
  const main = path.join(root, manifest.main);
  assert.ok(fs.existsSync(main), `${manifest.main} is missing: run npm run compile first`);
  assert.match(fs.readFileSync(main, 'utf8'), /exports\.activate = activate/);
});

test('@types/vscode is no newer than the oldest VS Code the manifest accepts', () => {
  const engine = manifest.engines.vscode.replace(/^\^/, '').split('.').map(Number);
  const types = manifest.devDependencies['@types/vscode'].replace(/^[~^]/, '').split('.').map(Number);
  assert.ok(
    types[0] < engine[0] || (types[0] === engine[0] && types[1] <= engine[1]),
    `@types/vscode ${types.join('.')} is newer than engines.vscode ${manifest.engines.vscode}`,
  );
});
