import { ConfigError, getConfig } from './lib/config';

try {
  getConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`[shannon-console] refusing to start. ${e.message}`);
    process.exit(1);
  }
  throw e;
}
