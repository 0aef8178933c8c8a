// Loaded with `node -r` before electronegativity: its only network calls (translation and Electron
// release downloads) go through `got`; this stand-in fails them at once, so the scan never leaves the
// machine and its results do not depend on the network.
const Module = require('node:module');
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('network disabled for the security scan'));
    offline.head = offline;
    offline.get = offline;
    return Object.assign(offline, { default: offline });
  }
  return originalLoad.call(this, request, parent, isMain);
};
