import { execFileSync, spawnSync } from 'node:child_process';

/** Find a Debian package's binary, installing the package with apt-get when we are root. */
export function ensureDebianBinary(binary: string, pkg: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  if (process.getuid?.() !== 0) {
    throw new Error(`${binary} is not installed. Install it with: sudo apt-get install -y ${pkg}`);
  }
  console.log(`[stack] ${binary} is missing; installing the Debian package ${pkg}...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'inherit', env });
  const again = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  if (again.status !== 0) throw new Error(`installed ${pkg} but ${binary} is still not on PATH`);
  return again.stdout.trim();
}
