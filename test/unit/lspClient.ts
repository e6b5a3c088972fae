// A minimal LSP client over stdio for testing the BUILT server (dist/server/node.js --stdio):
// spawns it, speaks JSON-RPC with vscode-jsonrpc, answers the server's requests
// (workspace/configuration with `{}` per item), records every publishDiagnostics and lets a
// test wait for one (event-based, with a timeout that names what it waited for).
import { spawn, type ChildProcess } from 'node:child_process';
import {
  CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

export interface Publish {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
  /** Order of arrival among all publishes (0-based). */
  readonly seq: number;
}

interface Waiter {
  readonly match: (p: Publish) => boolean;
  readonly resolve: (p: Publish) => void;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly publishes: Publish[] = [];
  /** Everything the server wrote to stderr and window/logMessage, for failure messages. */
  readonly log: string[] = [];
  /** workspace/configuration requests answered. */
  configurationRequests = 0;
  readonly exited: Promise<ExitStatus>;
  private exitStatus: ExitStatus | undefined;
  private waiters: Waiter[] = [];

  constructor(serverModule: string, cwd: string, configuration: (scopeUri: string | undefined) => unknown = () => ({})) {
    this.process = spawn(process.execPath, [serverModule, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
    });
    this.process.stderr!.setEncoding('utf8');
    this.process.stderr!.on('data', (chunk: string) => this.log.push(`[stderr] ${chunk}`));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map((item) => configuration(item.scopeUri));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.log.push(`[log] ${params.message}`);
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      const publish: Publish = { uri: params.uri, version: params.version, diagnostics: params.diagnostics, seq: this.publishes.length };
      this.publishes.push(publish);
      const ready = this.waiters.filter((w) => w.match(publish));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(publish);
    });
    this.connection.onError(([error]) => this.log.push(`[connection error] ${String(error)}`));
    this.connection.listen();
  }

  get hasExited(): boolean {
    return this.exitStatus !== undefined;
  }

  /** All publishes for a uri, in order of arrival. */
  publishesFor(uri: string): Publish[] {
    return this.publishes.filter((p) => p.uri === uri);
  }

  /**
   * The first publish (already received at or after `fromSeq`, or still to come) matching
   * `match`; rejects after `timeoutMs` naming `what`.
   */
  waitForPublish(what: string, match: (p: Publish) => boolean, timeoutMs: number, fromSeq = 0): Promise<Publish> {
    const seen = this.publishes.find((p) => p.seq >= fromSeq && match(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match: (p) => p.seq >= fromSeq && match(p),
        resolve: (p) => { clearTimeout(timer); resolve(p); },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; publishes: ${JSON.stringify(this.publishes.map((p) => ({ uri: p.uri, version: p.version, n: p.diagnostics.length })))}\n${this.log.join('').slice(-4000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    return token ? this.connection.sendRequest<R>(method, params, token.token) : this.connection.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Kills the server if it still runs and drops the connection; safe to call on any path, twice. */
  dispose(): void {
    try {
      this.connection.dispose();
    } catch {
      // already disposed
    }
    if (!this.hasExited && this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
    this.process.stdin?.destroy();
    this.process.stdout?.destroy();
    this.process.stderr?.destroy();
  }
}

/** `promise`, or a rejection naming `what` after `ms` (the timer is cleared either way). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
}

export { CancellationTokenSource };
