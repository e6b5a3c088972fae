// Desktop (Node) extension host: the module named by extensionTestsPath (built to dist/test/node/index.js),
// used by test/integration/electron-runner.js. VS Code calls run(); a rejected promise fails the run.
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', timeout: 30000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  require('./all'); // the same suites the web host runs
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
  });
}
