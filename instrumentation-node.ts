import { getConfig } from './lib/config';
import { isAnswerable } from './lib/errors';

try {
  getConfig();
} catch (e) {
  if (isAnswerable(e, 'ConfigError')) {
    console.error(`[shannon-console] refusing to start. ${e.message}`);
    process.exit(1);
  }
  throw e;
}
