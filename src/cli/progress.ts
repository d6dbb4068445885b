/**
 * A progress bar on standard error, only when it is a terminal (cli-progress, loaded only then): rows, rows per
 * second, and for files of known size the share read and the time left. Silent otherwise; never on stdout.
 */
export interface Progress {
  update(rows: number, bytesRead: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

export async function progressBar(totalBytes: number | null, enabled: boolean): Promise<Progress> {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const { default: cliProgress } = await import('cli-progress');
  const started = Date.now();
  const known = totalBytes !== null && totalBytes > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: known ? '{bar} {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted}' : '{rows} rows | {speed} rows/s',
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(known ? totalBytes : 1, 0, { rows: 0, speed: 0 });
  return {
    update(rows, bytesRead) {
      const secs = (Date.now() - started) / 1000;
      bar.update(known ? Math.min(bytesRead, totalBytes) : 0, { rows, speed: secs > 0 ? Math.round(rows / secs) : 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
