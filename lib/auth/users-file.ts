import fs from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { ROLES, type Role } from './roles';

/**
 * Local users (AUTH_MODE=local): a JSON file of names, roles and argon2id hashes, written by
 * `npm run user` and read by the console at each login (a change needs no restart). The file is
 * created readable by its owner only and replaced whole, so a crash mid-write loses nothing.
 */

const NAME_RE = /^[A-Za-z0-9._@-]{1,64}$/;
export const MIN_PASSWORD = 8;

const userSchema = z.object({
  name: z.string().regex(NAME_RE),
  role: z.enum(ROLES),
  hash: z.string().startsWith('$argon2id$'),
  createdMs: z.number(),
});
const fileSchema = z.object({ users: z.array(userSchema) });
export type LocalUser = z.infer<typeof userSchema>;

export class UsersFileError extends Error {}

export function checkName(name: string): void {
  if (!NAME_RE.test(name)) {
    throw new UsersFileError(`"${name}" is not a user name: use 1-64 letters, digits and . _ @ - (no spaces)`);
  }
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) {
    throw new UsersFileError(`the password must have at least ${MIN_PASSWORD} characters`);
  }
}

/** The users in the file; an absent file has none. A file that is not ours is an error that names it. */
export function readUsers(file: string): LocalUser[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new UsersFileError(`cannot read the users file ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsersFileError(`the users file ${file} is not JSON`);
  }
  const r = fileSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UsersFileError(`the users file ${file} is malformed at ${i?.path.join('.')}: ${i?.message}`);
  }
  return r.data.users;
}

function writeUsers(file: string, users: LocalUser[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export async function addUser(file: string, name: string, role: Role, password: string): Promise<void> {
  checkName(name);
  checkPassword(password);
  const users = readUsers(file);
  if (users.some((u) => u.name === name)) {
    throw new UsersFileError(`a user named "${name}" exists already: use passwd to change the password`);
  }
  users.push({ name, role, hash: await hash(password), createdMs: Date.now() });
  writeUsers(file, users);
}

export function removeUser(file: string, name: string): void {
  const users = readUsers(file);
  if (!users.some((u) => u.name === name)) throw new UsersFileError(`no user named "${name}" in ${file}`);
  writeUsers(
    file,
    users.filter((u) => u.name !== name),
  );
}

export async function setPassword(file: string, name: string, password: string): Promise<void> {
  checkPassword(password);
  const users = readUsers(file);
  const u = users.find((x) => x.name === name);
  if (!u) throw new UsersFileError(`no user named "${name}" in ${file}`);
  u.hash = await hash(password);
  writeUsers(file, users);
}

/** A hash of nothing, verified when the name is unknown so that a wrong name takes as long as a wrong password. */
let decoy: Promise<string> | undefined;

/** The user when the name and password match; null otherwise. */
export async function checkLogin(file: string, name: string, password: string): Promise<LocalUser | null> {
  const u = readUsers(file).find((x) => x.name === name);
  if (!u) {
    decoy ??= hash('not a password of anyone');
    await verify(await decoy, password).catch(() => false);
    return null;
  }
  return (await verify(u.hash, password).catch(() => false)) ? u : null;
}
