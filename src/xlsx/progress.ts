/**
 * A one-line progress bar on stderr, only when stderr is a terminal (never in pipes,
 * logs or tests). Redraws at most ten times a second, and leaves no line behind.
 */
export interface Progress {
  tick(n?: number): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, done() {} };

export function progress(label: string, total?: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return SILENT;
  let count = 0;
  let last = 0;
  const draw = () => {
    const width = 30;
    if (total) {
      const share = Math.min(1, count / total);
      const filled = Math.round(share * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total}`);
    } else {
      stream.write(`\r${label} ${count}`);
    }
  };
  return {
    tick(n = 1) {
      count += n;
      const now = Date.now();
      if (now - last >= 100) {
        last = now;
        draw();
      }
    },
    done() {
      // The bar was a passing notice: clear its line so the next output starts clean.
      if (last !== 0) stream.write('\r\x1b[2K');
    },
  };
}
