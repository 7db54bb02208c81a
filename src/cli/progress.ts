/** Progress on one terminal line: shown only on an interactive terminal, never when piped or under CI. */
export interface Progress {
  update(text: string): void;
  /** A bar for a stage counted in steps: "forms ████████░░░░░░░░ 120/300". */
  step(label: string, done: number, total: number): void;
  done(): void;
}

const BAR_WIDTH = 24;

/** The bar of `done` out of `total` steps, BAR_WIDTH characters wide. */
export function progressBar(done: number, total: number): string {
  const filled = total <= 0 ? BAR_WIDTH : Math.min(BAR_WIDTH, Math.round((done / total) * BAR_WIDTH));
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const enabled = stream.isTTY === true && !process.env.CI;
  let shown = false;
  const update = (text: string) => {
    if (!enabled) return;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r\x1b[K${text.slice(0, width)}`);
    shown = true;
  };
  return {
    update,
    step(label, done, total) {
      update(`${label} ${progressBar(done, total)} ${done}/${total}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
