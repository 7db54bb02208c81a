import { afterAll } from 'vitest';
import { removeTempFolders } from './helpers/fixtures.js';

// Tests write only under the system temp folder, and leave nothing behind there either.
afterAll(removeTempFolders);
