// Injected into the web test bundle (scripts/build.mjs): the npm `assert` polyfill expects a global `process`.
export { default as process } from 'process/browser.js';
