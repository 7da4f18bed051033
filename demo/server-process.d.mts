/** Types for server-process.mjs (plain JS so the demo runs without a build). */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:40123` */
  url: string;
  /** What the child printed so far (the last 64 KiB). */
  output(): string;
  stop(): Promise<void>;
}

export declare function startServer(
  label: string,
  command: string,
  args: string[],
  options?: { echo?: boolean; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<RunningServer>;
