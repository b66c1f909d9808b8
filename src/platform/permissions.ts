/**
 * Named permissions and the roles that hold them. Every route declares one permission in
 * `config.permission`; the app refuses to start when a route has none (deny by default). A person's
 * permissions come from their role in the organisation they act for; a person without any
 * organisation role is a talent and holds only `SignedIn`.
 */
export const Permission = {
  /** Anyone, signed in or not. */
  Public: 'Public',
  /** Operations data (/metrics): loopback or the METRICS_TOKEN bearer. */
  OpsRead: 'OpsRead',
  /** Any signed-in person: their own page, sessions, passkeys, export and erasure. */
  SignedIn: 'SignedIn',
  /** The back-office shell: anyone with a role in an organisation. */
  BackOffice: 'BackOffice',
  /** Read the organisation one acts for and its members (also an API token scope). */
  OrgRead: 'OrgRead',
  /** Invite people to the organisation one acts for, change their role, remove them. */
  OrgMembersManage: 'OrgMembersManage',
  /** Create and edit the region's organisations (admins). */
  OrgsManage: 'OrgsManage',
  /** See and manage every person in the region (admins). */
  PeopleManage: 'PeopleManage',
  /** Read the audit trail: the whole region for admins, the own organisation for its admins. */
  AuditRead: 'AuditRead',
  /** Create and revoke the organisation's API tokens. */
  ApiTokensManage: 'ApiTokensManage',
  /**
   * Read, answer and close the accessibility reports sent from the region's accessibility
   * statement (region admins and region editors: the region answers for the whole site).
   */
  AccessibilityReportsManage: 'AccessibilityReportsManage',
  /**
   * Write the region's digital home (place pages, guides, stories, paths) and send it for review:
   * region editors and admins everywhere, municipality editors for their own municipality only.
   */
  ContentEdit: 'ContentEdit',
  /** Approve, publish, schedule and unpublish content (region editors and admins). */
  ContentApprove: 'ContentApprove',
  /** Upload images to the media library and describe them (editors and admins). */
  MediaManage: 'MediaManage',
  /**
   * Edit a company page: an employer's admins and members their own organisation's page (badges
   * and the first publication wait for the region's review), region editors and admins every page.
   */
  CompanyEdit: 'CompanyEdit',
  /**
   * The region's side of the companies: approve first publications and badges, feature companies,
   * create a page for a company that has not claimed one, export the competence needs.
   */
  CompanyApprove: 'CompanyApprove',
  /** Publish, edit and close the organisation's own job ads (an employer's admins and members). */
  JobAdsManage: 'JobAdsManage',
  /**
   * Search the talent pool's anonymised cards and send intro requests for the organisation one acts
   * for (an employer's admins and members; region admins to see what employers see).
   */
  TalentSearch: 'TalentSearch',
  /** The region's talent pool settings: k for the cards, consent renewal and deletion periods (admins). */
  TalentManage: 'TalentManage',
  /**
   * Work relocation cases (issue 16): the inbox of one's organisation (a municipality's navigators
   * its own cases, the region's and partners' navigators the whole region), case files, slots,
   * the navigators' dashboard. Navigators and region admins.
   */
  CasesWork: 'CasesWork',
  /** The newcomer network's groups, meetups and ambassadors (navigators, region editors, admins). */
  NetworkManage: 'NetworkManage',
  /**
   * Events (issue 17): create and edit the events of one's organisation (owner or co-organiser),
   * their registrations and check-in at the door; as an exhibiting employer, the own stand's
   * leads. The region's admins and editors reach every event of the region.
   */
  EventsManage: 'EventsManage',
  /** Publish events without review, review other organisations' events (region admins and editors). */
  EventsApprove: 'EventsApprove',
  /**
   * The employer toolbox (issue 18): read the brand platform, download assets, build recruitment
   * texts, set up the organisation's widget and work through the guides' checklists. Everyone with
   * a role in an organisation: employers and public actors alike.
   */
  ToolboxUse: 'ToolboxUse',
  /** Write the toolbox: the brand platform, assets and their licences, texts and guides (region admins and editors). */
  ToolboxEdit: 'ToolboxEdit',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

const ALL = new Set<unknown>(Object.values(Permission));

export function isPermission(value: unknown): value is Permission {
  return ALL.has(value);
}

/** Roles a person can hold in an organisation (DESIGN.md "Who uses it"). */
export const ROLES = [
  'admin',
  'region_editor',
  'municipality_editor',
  'navigator',
  'employer_admin',
  'employer_member',
  'course_provider',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Kinds of organisation and the roles each may give. */
export const ORGANISATION_KINDS = [
  'region',
  'municipality',
  'employer',
  'course_provider',
  'partner',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Organisations in the order people expect them listed: the region, municipalities, then the rest. */
export function compareOrganisations(
  a: { kind: OrganisationKind; name: string },
  b: { kind: OrganisationKind; name: string },
): number {
  return (
    ORGANISATION_KINDS.indexOf(a.kind) - ORGANISATION_KINDS.indexOf(b.kind) ||
    a.name.localeCompare(b.name, 'sv')
  );
}

export const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  region: ['admin', 'region_editor', 'navigator'],
  municipality: ['municipality_editor', 'navigator'],
  employer: ['employer_admin', 'employer_member'],
  course_provider: ['course_provider'],
  partner: ['navigator'],
};

/** Roles that work with other people's data: they need a second factor for the back-office. */
export const STAFF_ROLES: ReadonlySet<Role> = new Set([
  'admin',
  'region_editor',
  'municipality_editor',
  'navigator',
]);

const P = Permission;
const ORGANISATION_MEMBER = [P.SignedIn, P.BackOffice, P.OrgRead, P.ToolboxUse] as const;

/** What each role may do, in the organisation it is held in (an admin's reaches the whole region). */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set([
    ...ORGANISATION_MEMBER,
    P.OrgMembersManage,
    P.OrgsManage,
    P.PeopleManage,
    P.AuditRead,
    P.ApiTokensManage,
    P.AccessibilityReportsManage,
    P.ContentEdit,
    P.ContentApprove,
    P.MediaManage,
    P.CompanyEdit,
    P.CompanyApprove,
    P.TalentSearch,
    P.TalentManage,
    P.CasesWork,
    P.NetworkManage,
    P.EventsManage,
    P.EventsApprove,
    P.ToolboxEdit,
  ]),
  // Region editors own the site's content, where most reported problems are fixed; the region
  // is the body the law holds to answer, so municipality editors and navigators do not answer.
  region_editor: new Set([
    ...ORGANISATION_MEMBER,
    P.AccessibilityReportsManage,
    P.ContentEdit,
    P.ContentApprove,
    P.MediaManage,
    P.CompanyEdit,
    P.CompanyApprove,
    P.NetworkManage,
    P.EventsManage,
    P.EventsApprove,
    P.ToolboxEdit,
  ]),
  municipality_editor: new Set([...ORGANISATION_MEMBER, P.ContentEdit, P.MediaManage, P.EventsManage]),
  navigator: new Set([...ORGANISATION_MEMBER, P.CasesWork, P.NetworkManage, P.EventsManage]),
  employer_admin: new Set([
    ...ORGANISATION_MEMBER,
    P.OrgMembersManage,
    P.AuditRead,
    P.ApiTokensManage,
    P.CompanyEdit,
    P.JobAdsManage,
    P.TalentSearch,
    P.EventsManage,
  ]),
  employer_member: new Set([
    ...ORGANISATION_MEMBER,
    P.CompanyEdit,
    P.JobAdsManage,
    P.TalentSearch,
    P.EventsManage,
  ]),
  course_provider: new Set([...ORGANISATION_MEMBER, P.OrgMembersManage, P.EventsManage]),
};

/** A signed-in person without an organisation role. */
export const TALENT_PERMISSIONS: ReadonlySet<Permission> = new Set([P.SignedIn]);

/** Permissions an organisation may give an API token (never more than the creator's role holds). */
export const TOKEN_PERMISSIONS: readonly Permission[] = [P.OrgRead, P.AuditRead];
