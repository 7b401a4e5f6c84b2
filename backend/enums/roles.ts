/** The four kinds of people who use Mission Control. */
export enum Role {
  Admin = 'admin',
  Operator = 'operator',
  Closer = 'closer',
  Viewer = 'viewer',
}

export const ROLES = Object.values(Role)
