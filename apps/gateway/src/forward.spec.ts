import type { Request } from 'express';
import { CLIENT_ADDRESS_HEADER, GATEWAY_SECRET_HEADER } from '@lienket/auth';
import { forwardedHeaders } from './forward';

describe('REST forwarding', () => {
  it('drops what the client claims about itself and the gateway, and adds the gateway’s own', () => {
    const req = {
      ip: '203.0.113.5',
      headers: {
        host: 'lienket.vn',
        authorization: 'Bearer t',
        'content-type': 'multipart/form-data; boundary=x',
        forwarded: 'for=10.0.0.1',
        'x-forwarded-for': '10.0.0.1',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        'x-real-ip': '10.0.0.1',
        [GATEWAY_SECRET_HEADER]: 'guessed',
      },
    } as unknown as Request;
    expect(forwardedHeaders(req, new URL('http://127.0.0.1:4001'), 'the-secret')).toEqual({
      host: '127.0.0.1:4001',
      authorization: 'Bearer t',
      'content-type': 'multipart/form-data; boundary=x',
      [CLIENT_ADDRESS_HEADER]: '203.0.113.5',
      [GATEWAY_SECRET_HEADER]: 'the-secret',
    });
  });
});
