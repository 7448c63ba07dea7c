/** The console's roles, each with everything the one before it has. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** Whether `role` has at least what `need` asks. */
export function hasRole(role: Role, need: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(need);
}

/** Who a request is, once the guard has let it in. */
export type Principal = {
  name: string;
  role: Role;
  /** How the request proved it: a session cookie, an API token, the trusted proxy, or no login at all. */
  via: 'session' | 'token' | 'proxy' | 'none';
};
