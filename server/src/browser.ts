// Web-worker entry of the language server, for VS Code for the Web. No file system here: last
// year's report (cross-year) is looked for among the open documents only, and the .gknbrc.json of
// a document is read by the client (gknb/configFile) through the editor's file system.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { CONFIG_FILE_REQUEST, type ConfigFileParams, type ConfigFileReply } from './protocol';
import { startServer } from './server';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, {
  configFiles: {
    // A client that does not know the request (not gknb's own) answers with an error: no config file then.
    find: (uri) => connection.sendRequest<ConfigFileReply | null>(CONFIG_FILE_REQUEST, { uri } satisfies ConfigFileParams)
      .then((reply) => reply ?? undefined, () => undefined),
  },
});
