import {
  EncoderError,
  loadEncoder,
  type EncoderLog,
  type EncoderStatus,
} from '../../../knowledge-base/encoder';

// The real worker with a fault armed through its test-only hook: it exits or stops answering on its
// n-th request. No fast path here (the piece table is the other suite's business).
jest.setTimeout(60_000);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));

function recordingLog(): EncoderLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (_f, m) => void lines.push(`info ${m}`),
    warn: (_f, m) => void lines.push(`warn ${m}`),
  };
}

/** Flushes pending promise jobs and the event loop once, so an unhandled rejection would have surfaced. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('a worker crash rejects pending and later calls with EncoderError and marks the encoder failed', async () => {
  const statuses: EncoderStatus[] = [];
  const { encoder } = await loadEncoder({
    mode: 'on',
    fastPath: false,
    worker: { fault: { kind: 'exit', onRequest: 2 }, onStatusChange: (s) => statuses.push(s) },
  });
  try {
    await expect(encoder!.embed(['first request works'])).resolves.toHaveLength(1);
    const pending = [
      encoder!.embed(['the worker dies on this batch']),
      encoder!.embed(['and this one'], 'background'),
    ];
    for (const outcome of await Promise.allSettled(pending)) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as unknown;
      expect(reason).toBeInstanceOf(EncoderError);
      expect(reason).toMatchObject({ code: 'ENCODER_CRASHED' });
    }
    await expect(encoder!.embed(['later'])).rejects.toMatchObject({ code: 'ENCODER_UNAVAILABLE' });
    expect(encoder!.status.state).toBe('failed');
    expect(statuses.map((s) => s.state)).toEqual(['failed']);
    await settle();
    expect(unhandled).toEqual([]);
  } finally {
    await encoder?.close();
  }
});

test('a worker that hangs past the deadline is terminated; its callers get ENCODER_TIMEOUT', async () => {
  const log = recordingLog();
  const { encoder } = await loadEncoder({
    mode: 'on',
    fastPath: false,
    log,
    worker: { fault: { kind: 'stall', onRequest: 1 }, liveDeadlineMs: 300 },
  });
  try {
    await expect(encoder!.embed(['never answered'])).rejects.toMatchObject({ code: 'ENCODER_TIMEOUT' });
    expect(encoder!.status).toMatchObject({ state: 'failed' });
    await expect(encoder!.embed(['later'])).rejects.toBeInstanceOf(EncoderError);
    expect(log.lines.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    await settle();
    expect(unhandled).toEqual([]);
  } finally {
    await encoder?.close();
  }
});

test('with restarts allowed, a crashed worker is replaced and the encoder answers again', async () => {
  let restarted!: () => void;
  const back = new Promise<void>((resolve) => (restarted = resolve));
  const { encoder } = await loadEncoder({
    mode: 'on',
    fastPath: false,
    worker: {
      fault: { kind: 'exit', onRequest: 1 },
      restart: { maxRestarts: 1, backoffMs: 10 },
      onStatusChange: (s) => s.state === 'on' && restarted(),
    },
  });
  try {
    await expect(encoder!.embed(['the worker dies here'])).rejects.toMatchObject({ code: 'ENCODER_CRASHED' });
    await back;
    const [vector] = await encoder!.embed(['answered by the new worker']);
    expect(vector).toHaveLength(512);
  } finally {
    await encoder?.close();
  }
});

test('a missing model package: auto runs lexical-only and says so once, on refuses, off never looks', async () => {
  const log = recordingLog();
  const missing = '@relais/no-such-encoder-model';
  const auto = await loadEncoder({ mode: 'auto', modelPackage: missing, log });
  expect(auto.encoder).toBeUndefined();
  expect(auto.status).toEqual({ state: 'off', reason: `package ${missing} not installed` });
  expect(log.lines).toEqual([`warn sentence encoder off: lexical-only (package ${missing} not installed)`]);

  const on = loadEncoder({ mode: 'on', modelPackage: missing });
  await expect(on).rejects.toBeInstanceOf(EncoderError);
  await expect(on).rejects.toMatchObject({ code: 'ENCODER_UNAVAILABLE' });

  const off = await loadEncoder({ mode: 'off', modelPackage: missing });
  expect(off).toEqual({ status: { state: 'off', reason: 'disabled (encoder mode off)' } });
});

test('a package without model files: auto reports the encoder failed with the load error, on refuses', async () => {
  const log = recordingLog();
  const notAModel = '@energetic-ai/core'; // installed, but its folder holds no model.json
  const auto = await loadEncoder({ mode: 'auto', modelPackage: notAModel, fastPath: false, log });
  expect(auto.encoder).toBeUndefined();
  expect(auto.status.state).toBe('failed');
  expect(auto.status.reason).toMatch(/failed to load/);
  expect(log.lines.filter((l) => l.startsWith('warn'))).toHaveLength(1);
  await expect(loadEncoder({ mode: 'on', modelPackage: notAModel, fastPath: false })).rejects.toMatchObject({
    code: 'ENCODER_UNAVAILABLE',
  });
  await settle();
  expect(unhandled).toEqual([]);
});
