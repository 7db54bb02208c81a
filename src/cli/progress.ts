/** Progress on one terminal line: shown only on an interactive terminal, never when piped or under CI. */
export interface Progress {
  update(text: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const enabled = stream.isTTY === true && !process.env.CI;
  let shown = false;
  return {
    update(text) {
      if (!enabled) return;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[K${text.slice(0, width)}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
