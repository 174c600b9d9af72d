// Shared by the evaluation CLI's runners: a progress line on stderr, file reading with a usage error.
import { readFileSync } from 'node:fs';

export class Progress {
  private last = 0;
  private readonly t0 = Date.now();
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}
  tick(done: number): void {
    const now = Date.now();
    if (now - this.last < 250 && done < this.total) return;
    this.last = now;
    const rate = done / Math.max(0.001, (now - this.t0) / 1000);
    const line = `${this.label}: ${done}/${this.total} (${((100 * done) / Math.max(1, this.total)).toFixed(1)}%), ${rate.toFixed(0)} docs/s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K${done >= this.total ? '\n' : ''}`);
    else if (done >= this.total || now - this.t0 > 0) process.stderr.write(`${line}\n`);
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

export class UsageError extends Error {}
