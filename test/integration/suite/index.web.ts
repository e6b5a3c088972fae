// Web extension host: the module named by extensionTestsPath (built to dist/test/web/index.js).
// The workbench calls run(); a rejected promise makes the runner exit non-zero.
import 'mocha/mocha'; // browser build of mocha, defines the global `mocha`

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 30000 });
    require('./all'); // register the suites after setup, so `suite`/`test` exist
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve()));
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
