// Loads an extension unpacked from a .vsix, with a stand-in for the `vscode` module that only
// VS Code can provide, to prove that everything it requires at load time is in the package.
//   usage: node test/load-packaged.js UNPACKED/extension/out/extension.js

const Module = require('node:module');
const path = require('node:path');

const entry = process.argv[2];
if (entry === undefined) {
  console.error('usage: node test/load-packaged.js UNPACKED/extension/out/extension.js');
  process.exit(2);
}

// Any property, call or `new` on the stand-in yields the stand-in again, which is enough for
// modules that only keep references to the API while loading.
const standIn = new Proxy(function () {}, {
  get: (_target, property) => (property === Symbol.toPrimitive ? () => 0 : standIn),
  apply: () => standIn,
  construct: () => standIn,
});

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? standIn : load.call(this, request, ...rest);
};

const extension = require(path.resolve(entry));
for (const hook of ['activate', 'deactivate']) {
  if (typeof extension[hook] !== 'function') {
    console.error(`${entry} does not export ${hook}()`);
    process.exit(1);
  }
}
console.log(`${entry}: loads with its bundled dependencies, exports activate and deactivate`);
