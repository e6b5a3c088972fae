// Web-worker entry of the language server, for VS Code for the Web. No file system here: the
// client lists and reads the workspace files for last year's report (gknb/reportFiles,
// gknb/readFile) and a document's .gknbrc.json (gknb/configFile) through the editor's file system.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { CONFIG_FILE_REQUEST, type ConfigFileParams, type ConfigFileReply } from './protocol';
import { ClientReportFiles } from './clientFiles';
import { startServer } from './server';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, {
  reportFiles: new ClientReportFiles((method, params) => connection.sendRequest(method, params)),
  configFiles: {
    // A client that does not know the request (not gknb's own) answers with an error: no config file then.
    find: (uri) => connection.sendRequest<ConfigFileReply | null>(CONFIG_FILE_REQUEST, { uri } satisfies ConfigFileParams)
      .then((reply) => reply ?? undefined, () => undefined),
  },
});
