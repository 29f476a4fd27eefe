import { onFreePorts } from '../../support/free-port';

describe('onFreePorts: a port taken before the server binds it', () => {
  test('starts again while the port was taken, at most `attempts` times; any other failure at once', async () => {
    let calls = 0;
    const taken = () => {
      calls++;
      return Promise.reject(new Error('redis-server exited with 1: bind: Address already in use'));
    };
    await expect(onFreePorts(taken, 3)).rejects.toThrow('Address already in use');
    expect(calls).toBe(3);

    calls = 0;
    const secondTime = () => (++calls < 2 ? taken() : Promise.resolve('up'));
    await expect(onFreePorts(secondTime)).resolves.toBe('up');

    calls = 0;
    const broken = () => {
      calls++;
      return Promise.reject(new Error('cannot start redis-server (is it installed?)'));
    };
    await expect(onFreePorts(broken)).rejects.toThrow('is it installed');
    expect(calls).toBe(1);
  });
});
