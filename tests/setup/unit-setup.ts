import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import '../../lib/zod-jitless';
import { configure } from '@testing-library/react';

// The machine is shared and has 2 cores: wait up to 5 s for the UI before calling a test failed.
configure({ asyncUtilTimeout: 5_000 });
