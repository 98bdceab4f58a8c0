// The name of the read-only role `audit --org` assumes in each member account: the default of
// --role-name, and the role iam/audit-role.yaml creates. A module of its own, with no imports, so the
// audit command reads it without bringing the generators' modules into its bundle file.
export const AUDIT_ROLE_NAME = 'ami-wizard-audit';
