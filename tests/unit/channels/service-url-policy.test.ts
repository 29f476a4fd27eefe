import { serviceUrlCheck } from '../../../bot/channels/service-url-policy';

describe('serviceUrl policy', () => {
  const anonymous = serviceUrlCheck({
    authenticated: false,
    allowedOrigins: ['https://connector.example', 'http://10.0.0.5:8080'],
  });

  test.each([
    'http://127.0.0.1:3979',
    'http://127.0.0.1:3979/path/',
    'https://127.0.0.1',
    'http://127.8.9.10:1',
    'http://localhost:4199',
    'http://LOCALHOST:4199/evil',
    'http://[::1]:3000',
    'http://[::1]',
    'http://0x7f.1:80/', // WHATWG URL reads it as 127.0.0.1
    'https://connector.example/v3',
    'https://connector.example:443',
    'http://10.0.0.5:8080/api',
  ])('anonymous mode sends to %s', (url) => {
    expect(anonymous(url)).toBe(true);
  });

  test.each([
    'http://127.0.0.1.evil.example',
    'http://127.0.0.1.evil.example:3979/',
    'http://127.0.0.1@evil.example',
    'http://user:pw@127.0.0.1:3979',
    'http://localhost.evil.example',
    'http://evil.example/127.0.0.1',
    'http://evil.example?u=http://127.0.0.1',
    'http://[::2]:3000',
    'http://128.0.0.1',
    'http://connector.example', // http where https is allowed
    'https://connector.example:8443', // wrong port
    'https://10.0.0.5:8080', // https where http is allowed
    'http://10.0.0.5', // wrong (default) port
    'http://10.0.0.50:8080',
    'urn:relais:directline',
    'file:///etc/passwd',
    'ftp://127.0.0.1',
    'not a url',
    '',
  ])('anonymous mode refuses %s', (url) => {
    expect(anonymous(url)).toBe(false);
  });

  test('with app credentials the serviceUrl is the authenticated activity’s: allowed', () => {
    expect(
      serviceUrlCheck({ authenticated: true, allowedOrigins: [] })('https://smba.trafficmanager.net/emea/'),
    ).toBe(true);
  });
});
