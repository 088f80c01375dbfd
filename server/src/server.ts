/**
 * The language server's entry point, bundled to dist/server.js. The transport comes from the command line
 * (`--stdio`, `--node-ipc`, `--socket=<port>`), so VS Code starts it over IPC and other editors over stdio.
 */
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start';

// dist/server.js -> the extension root, where docs/rules/<id>.md is shipped.
startServer(createConnection(ProposedFeatures.all), { extensionRoot: path.resolve(__dirname, '..') });
