/**
 * Whose applications a query may touch. Every repository call on applications takes one, and it becomes
 * part of the SQL WHERE clause: an applicant's scope names their user id, a clerk's their centre, and only
 * an admin (or a process acting for the system, such as a worker) reads everything. A route that forgets
 * to check ownership therefore finds nothing rather than someone else's data.
 */
export type AccessScope =
  | { readonly kind: 'applicant'; readonly userId: string }
  | { readonly kind: 'centre'; readonly centreId: string }
  | { readonly kind: 'all' };

/** The SQL condition for `scope` on a table aliased `alias`, with its parameter appended to `params`. */
export function scopeCondition(scope: AccessScope, alias: string, params: unknown[]): string {
  switch (scope.kind) {
    case 'applicant':
      params.push(scope.userId);
      return `${alias}.applicant_id = $${params.length}`;
    case 'centre':
      params.push(scope.centreId);
      return `${alias}.centre_id = $${params.length}`;
    case 'all':
      return 'TRUE';
  }
}
