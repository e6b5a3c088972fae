// Which extension host the suites run in. The web host runs the language server in a Web Worker;
// the Node host (the packaged .vsix in a VS Code server) runs it in a Node process over IPC.
// The web test bundle's `process` is the npm polyfill (test/integration/process-shim.js), which
// has no Node version.
export const HOST: 'web' | 'node' = typeof process !== 'undefined' && typeof process.versions?.node === 'string' ? 'node' : 'web';
