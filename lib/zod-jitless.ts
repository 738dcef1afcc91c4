import { z } from 'zod';

// Zod 4 probes `new Function` for its JIT, which MV3's extension-page CSP forbids.
// Every entrypoint that validates with Zod imports this module first.
z.config({ jitless: true });
