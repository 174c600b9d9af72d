// The build's progress line on a terminal: documents merged of the total, documents/s over the last seconds (so
// the rate is the workers' current one, not diluted by their start-up or inflated by cache hits) and an ETA.

const EVERY_MS = 200;
/** The rate is measured over this window. */
const WINDOW_MS = 10_000;

export interface Progress {
  start: (info: { total: number; cached: number; workers: number }) => void;
  update: (done: number, total: number) => void;
}

const clock = (s: number): string => {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const ss = String(t % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
};

/** A progress line written to `out`, or nothing when `out` is null (--quiet, not a terminal). */
export function progressLine(out: { write(s: string): unknown } | null): Progress {
  if (!out) return { start: () => {}, update: () => {} };
  const samples: [number, number][] = [];
  let last = 0;
  let note = '';
  return {
    start: ({ total, cached, workers }) => {
      note = cached ? `, ${cached} cached` : '';
      out.write(`building: ${total} documents${note}, starting ${workers} worker(s)...`);
    },
    update: (done, total) => {
      const now = performance.now();
      if (now - last < EVERY_MS && done < total) return;
      last = now;
      samples.push([now, done]);
      while (samples.length > 2 && now - (samples[0] as [number, number])[0] > WINDOW_MS) samples.shift();
      const [t0, d0] = samples[0] as [number, number];
      const rate = now > t0 ? ((done - d0) * 1000) / (now - t0) : 0;
      const eta = rate > 0 ? ` ETA ${clock((total - done) / rate)}` : '';
      const pct = Math.round((100 * done) / total);
      out.write(
        `\r\x1b[Kbuilding: ${done}/${total} documents (${pct}%${note}) ${rate.toFixed(0)} docs/s${eta}`,
      );
      if (done === total) out.write('\n');
    },
  };
}
