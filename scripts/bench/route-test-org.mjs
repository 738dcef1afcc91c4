/**
 * Preloaded (`node --import`) into the audit CLI by the org audit bench: Node's fetch reaches the
 * org's real API host name (`*.my.salesforce.com`) on the test server's loopback port, as Chromium's
 * `--host-resolver-rules` and `--ignore-certificate-errors` do for the extension. The CLI's own code
 * is unchanged. Port from YARDSTICK_TEST_ORG_PORT.
 */
import process from 'node:process';
import tls from 'node:tls';
import { Agent, setGlobalDispatcher } from 'undici';

const port = Number(process.env.YARDSTICK_TEST_ORG_PORT);
if (!Number.isInteger(port) || port <= 0)
  throw new Error('route-test-org: YARDSTICK_TEST_ORG_PORT is not set');

setGlobalDispatcher(
  new Agent({
    connect(options, callback) {
      if (!String(options.hostname).endsWith('.my.salesforce.com')) {
        callback(new Error(`route-test-org: ${options.hostname} is not an org API host`), null);
        return;
      }
      const socket = tls.connect({
        host: '127.0.0.1',
        port,
        servername: options.hostname,
        // The test server's certificate is self-signed, as Chromium's --ignore-certificate-errors accepts.
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      });
      socket.once('secureConnect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, null));
    },
  }),
);
