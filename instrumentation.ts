/** Runs once when the server starts: refuse to start on a bad configuration. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig, ConfigError } = await import('./lib/config');
  try {
    getConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`[shannon-console] refusing to start. ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}
