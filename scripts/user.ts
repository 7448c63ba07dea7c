/**
 * Local users of the console (AUTH_MODE=local), in the file AUTH_USERS_FILE names:
 *
 *   npm run user -- add NAME --role viewer|editor|admin [--password P]
 *   npm run user -- passwd NAME [--password P]
 *   npm run user -- remove NAME
 *   npm run user -- list
 *
 * Without --password the password is asked for (twice, not echoed). Removing a user or changing
 * a password ends that user's sessions.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { parseConfig } from '../lib/config';
import { isRole, ROLES } from '../lib/auth/roles';
import { AuthStore } from '../lib/auth/store';
import { addUser, readUsers, removeUser, setPassword, UsersFileError } from '../lib/auth/users-file';

const USAGE = `usage:
  npm run user -- add NAME --role ${ROLES.join('|')} [--password P]
  npm run user -- passwd NAME [--password P]
  npm run user -- remove NAME
  npm run user -- list`;

function fail(message: string): never {
  console.error(`user: ${message}`);
  process.exit(2);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) fail(`${name} needs a value\n${USAGE}`);
  args.splice(i, 2);
  return v;
}

/** One line from the terminal without echo (or from a pipe as it comes). */
function askHidden(prompt: string): Promise<string> {
  const muted = new Writable({ write: (_c, _e, cb) => cb() });
  process.stderr.write(prompt);
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: process.stdin.isTTY });
  return new Promise((resolve) =>
    rl.once('line', (line) => {
      rl.close();
      process.stderr.write('\n');
      resolve(line);
    }),
  );
}

async function password(args: string[]): Promise<string> {
  const given = option(args, '--password');
  if (given !== undefined) return given;
  const first = await askHidden('Password: ');
  if (!process.stdin.isTTY) return first;
  const again = await askHidden('Again: ');
  if (again !== first) fail('the two passwords differ; nothing was changed');
  return first;
}

async function main() {
  const args = process.argv.slice(2);
  const cmd = args.shift();
  let cfg;
  try {
    cfg = parseConfig(process.env);
  } catch (e) {
    fail((e as Error).message);
  }
  const file = cfg.auth.usersFile;
  const endSessions = (name: string, kind: string) => {
    const store = new AuthStore(cfg.dataDir);
    store.deleteSessionsOf(name);
    store.audit(kind, name, 'cli', { file }, Date.now());
    store.close();
  };
  try {
    if (cmd === 'list') {
      for (const u of readUsers(file)) console.log(`${u.name}\t${u.role}\t${new Date(u.createdMs).toISOString()}`);
      return;
    }
    const name = args.shift();
    if (!name || name.startsWith('--')) fail(USAGE);
    if (cmd === 'add') {
      const role = option(args, '--role');
      if (!isRole(role)) fail(`--role must be one of ${ROLES.join(', ')}${role ? `, got "${role}"` : ''}`);
      await addUser(file, name, role, await password(args));
      console.log(`added ${name} (${role}) to ${file}`);
    } else if (cmd === 'passwd') {
      await setPassword(file, name, await password(args));
      endSessions(name, 'user.passwd');
      console.log(`changed the password of ${name}; their sessions have ended`);
    } else if (cmd === 'remove') {
      removeUser(file, name);
      endSessions(name, 'user.remove');
      console.log(`removed ${name} from ${file}; their sessions have ended`);
    } else {
      fail(USAGE);
    }
  } catch (e) {
    if (e instanceof UsersFileError) fail(e.message);
    throw e;
  }
}

void main();
