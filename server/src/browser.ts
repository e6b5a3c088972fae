// Web-worker entry of the language server, for VS Code for the Web. No file system here: last
// year's report (cross-year) is looked for among the open documents only.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

declare const self: DedicatedWorkerGlobalScope;

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));
