import { randomUUID } from 'node:crypto';
import type { Queryable } from './db.ts';

/**
 * Accounts and service centres. Roles: applicant (申请人) signs in with a mobile number; clerk (窗口人员) and
 * admin (管理员) sign in with a user name and are created by `yijian users add`.
 */
export const ROLES = ['applicant', 'clerk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Centre {
  id: string;
  name: string;
}

export interface User {
  id: string;
  role: Role;
  login: string;
  displayName: string;
  centreId: string | null;
  disabled: boolean;
  demo: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** A user with the stored password hash, returned only to the code that checks a password. */
export interface UserWithSecret extends User {
  passwordHash: string;
}

interface UserRow {
  id: string;
  role: Role;
  login: string;
  display_name: string;
  centre_id: string | null;
  disabled: boolean;
  demo: boolean;
  created_at: Date;
  last_login_at: Date | null;
  password_hash: string;
}

const USER_COLUMNS =
  'id, role, login, display_name, centre_id, disabled, demo, created_at, last_login_at, password_hash';

function toUser(row: UserRow): UserWithSecret {
  return {
    id: row.id,
    role: row.role,
    login: row.login,
    displayName: row.display_name,
    centreId: row.centre_id,
    disabled: row.disabled,
    demo: row.demo,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
  };
}

function withoutSecret({ passwordHash: _hidden, ...user }: UserWithSecret): User {
  return user;
}

export class LoginTakenError extends Error {
  override readonly name = 'LoginTakenError';
  readonly code = 'LOGIN_TAKEN';
}

export interface NewUser {
  role: Role;
  login: string;
  displayName: string;
  passwordHash: string;
  centreId?: string | null;
  demo?: boolean;
}

export class UsersRepo {
  constructor(private readonly db: Queryable) {}

  async create(user: NewUser): Promise<User> {
    const rows = await this.db.query<UserRow>(
      `INSERT INTO users (id, role, login, display_name, password_hash, centre_id, demo)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (login) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [
        randomUUID(),
        user.role,
        user.login,
        user.displayName,
        user.passwordHash,
        user.centreId ?? null,
        user.demo ?? false,
      ],
    );
    const row = rows[0];
    if (!row) throw new LoginTakenError('该账号已存在');
    return withoutSecret(toUser(row));
  }

  async findByLogin(login: string): Promise<UserWithSecret | undefined> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE login = $1`, [login]);
    return rows[0] && toUser(rows[0]);
  }

  async findById(id: string): Promise<User | undefined> {
    const rows = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] && withoutSecret(toUser(rows[0]));
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    await this.db.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, disabled]);
  }

  /** Enabled accounts of a role (is this the last admin?). */
  async countActive(role: Role): Promise<number> {
    const rows = await this.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM users WHERE role = $1 AND NOT disabled',
      [role],
    );
    return rows[0]?.count ?? 0;
  }

  /** Role, centre and whether the account may sign in; only the fields given change. */
  async update(
    id: string,
    change: { role?: Role; centreId?: string | null; disabled?: boolean },
  ): Promise<User | undefined> {
    const rows = await this.db.query<UserRow>(
      `UPDATE users SET
         role = COALESCE($2, role),
         centre_id = CASE WHEN $3::boolean THEN $4 ELSE centre_id END,
         disabled = COALESCE($5, disabled)
       WHERE id = $1
       RETURNING ${USER_COLUMNS}`,
      [
        id,
        change.role ?? null,
        change.centreId !== undefined,
        change.centreId ?? null,
        change.disabled ?? null,
      ],
    );
    return rows[0] && withoutSecret(toUser(rows[0]));
  }

  async recordLogin(id: string): Promise<void> {
    await this.db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [id]);
  }

  async list(filter: { role?: Role; centreId?: string } = {}): Promise<User[]> {
    const rows = await this.db.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users
       WHERE ($1::text IS NULL OR role = $1) AND ($2::text IS NULL OR centre_id = $2)
       ORDER BY role, created_at`,
      [filter.role ?? null, filter.centreId ?? null],
    );
    return rows.map((row) => withoutSecret(toUser(row)));
  }

  async upsertCentre(centre: Centre): Promise<Centre> {
    await this.db.query(
      `INSERT INTO service_centres (id, name) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
      [centre.id, centre.name],
    );
    return centre;
  }

  async findCentre(id: string): Promise<Centre | undefined> {
    const rows = await this.db.query<Centre>('SELECT id, name FROM service_centres WHERE id = $1', [id]);
    return rows[0];
  }

  async listCentres(): Promise<Centre[]> {
    return this.db.query<Centre>('SELECT id, name FROM service_centres ORDER BY name');
  }
}
