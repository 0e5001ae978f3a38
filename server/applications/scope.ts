import type { AccessScope } from '../../store/access-scope.ts';
import type { CurrentUser } from '../http/context.ts';

/** Whose applications a person may see: their own, their centre's, or (admins) all. */
export function scopeOf(user: CurrentUser): AccessScope {
  switch (user.role) {
    case 'applicant':
      return { kind: 'applicant', userId: user.id };
    case 'clerk':
      // A clerk without a centre is refused by the database constraint; an impossible id finds nothing.
      return { kind: 'centre', centreId: user.centreId ?? '\u0000none' };
    case 'admin':
      return { kind: 'all' };
  }
}
