// Registers every integration suite. Required by index.web.ts and index.node.ts after mocha's tdd globals exist.
import './extension.test';
import './examples.test';
import './edit.test';
import './markdown.test';
import './quickfix.test';
import './completion.test';
import './commands.test';
import './features.test';
import './status.test';
import './import.test';
import './config.test';
import './crossyear.test';
// Last: it kills the language server (in the Node host).
import './recovery.test';
