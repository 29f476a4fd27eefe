import { MicroBatcher } from '../../../knowledge-base/encoder/micro-batcher';
import { EncoderError } from '../../../knowledge-base/encoder/sentence-encoder';

/** A model stand-in that records each batch and answers when the test says so (vector = [text length]). */
function controlledModel() {
  const batches: { texts: string[]; answer: () => void; fail: (e: unknown) => void }[] = [];
  const send = (texts: string[]): Promise<Float32Array> =>
    new Promise((resolve, reject) =>
      batches.push({ texts, answer: () => resolve(Float32Array.from(texts, (t) => t.length)), fail: reject }),
    );
  return { batches, send };
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
};

test('live texts go alone into the next batch, ahead of a queued background build; answers keep order', async () => {
  const model = controlledModel();
  const batcher = new MicroBatcher(model.send, {
    windowMs: 1,
    maxBatch: 4,
    maxBackgroundBatch: 2,
    dimensions: 1,
  });
  const first = batcher.submit(['a'], 'live', 5_000);
  await until(() => model.batches.length === 1);
  const build = batcher.submit(['bb', 'ccc', 'dddd', 'eeeee', 'ffffff'], 'background', 5_000);
  const live = batcher.submit(['x', 'yy'], 'live', 5_000);
  model.batches[0]!.answer();
  await until(() => model.batches.length === 2);
  expect(model.batches[1]!.texts).toEqual(['x', 'yy']);
  model.batches[1]!.answer();
  await until(() => model.batches.length === 3);
  expect(model.batches[2]!.texts).toEqual(['bb', 'ccc']);
  const another = batcher.submit(['z'], 'live', 5_000);
  model.batches[2]!.answer();
  await until(() => model.batches.length === 4);
  expect(model.batches[3]!.texts).toEqual(['z']);
  model.batches[3]!.answer();
  for (const n of [5, 6]) {
    await until(() => model.batches.length === n);
    model.batches[n - 1]!.answer();
  }
  expect(model.batches.slice(4).map((b) => b.texts)).toEqual([['dddd', 'eeeee'], ['ffffff']]);
  expect((await another).map((v) => v[0])).toEqual([1]);
  expect((await first).map((v) => v[0])).toEqual([1]);
  expect((await live).map((v) => v[0])).toEqual([1, 2]);
  expect((await build).map((v) => v[0])).toEqual([2, 3, 4, 5, 6]);
});

test('a queued call past its deadline rejects with ENCODER_TIMEOUT; failAll rejects the rest', async () => {
  const model = controlledModel();
  const batcher = new MicroBatcher(model.send, {
    windowMs: 1,
    maxBatch: 4,
    maxBackgroundBatch: 4,
    dimensions: 1,
  });
  const busy = batcher.submit(['a'], 'live', 5_000);
  await until(() => model.batches.length === 1);
  const late = batcher.submit(['b'], 'live', 1);
  await expect(late).rejects.toMatchObject({ code: 'ENCODER_TIMEOUT' });
  const error = new EncoderError('ENCODER_CRASHED', 'gone');
  const waiting = batcher.submit(['c'], 'background', 5_000);
  batcher.failAll(error);
  model.batches[0]!.fail(error);
  await expect(waiting).rejects.toBe(error);
  await expect(busy).rejects.toBe(error);
});
