// Node entry of the language server: IPC for VS Code desktop, `--stdio` for other editors.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
