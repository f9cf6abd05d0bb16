import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

const ROOT = path.resolve(__dirname, "..", "..");

export interface RunningStub {
  url: string;
  stop(): void;
}

/** bench/support/stubServer.ts in a process of its own, resolved once it listens. */
export const startStub = (env: Record<string, string> = {}): Promise<RunningStub> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      ["bench/support/stubServer.ts"],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = (code: number | null) => reject(new Error(`the stub server exited (${code})`));
    child.once("error", reject);
    child.once("exit", exited);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) => {
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        stop: () => {
          child.removeListener("exit", exited);
          child.kill();
        },
      });
    });
  });
