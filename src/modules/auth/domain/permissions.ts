/** The roles a user can hold (Prisma's Role, checked in src/server/domain-enums.ts). */
export const ROLES = [
  "ADMIN_LPSE",
  "ADMIN_AGENCY",
  "PPK",
  "POKJA",
  "PEJABAT_PENGADAAN",
  "VERIFIKATOR",
  "AUDITOR",
  "KPA",
  "PENYEDIA",
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may do what. Use cases call `can` where they touch the data and throw when it says no; pages use it
 * only to decide what to show. Agency-scoped roles count only inside their own agency.
 */
export const PERMISSIONS = {
  "user.manage": ["ADMIN_LPSE", "ADMIN_AGENCY"],
  "user.disable": ["ADMIN_LPSE", "ADMIN_AGENCY"],
  /** a lost authenticator: the LPSE's admin clears a user's TOTP (decision 0034) */
  "user.resetSecondFactor": ["ADMIN_LPSE"],
  /** link or unlink a user's identity at the central sign-in provider: a credential, so the LPSE's admin only (decision 0035) */
  "user.linkIdentity": ["ADMIN_LPSE"],
  /** the instance's sign-in rules, such as TOTP required of staff (decision 0034) */
  "security.manage": ["ADMIN_LPSE"],
  /** agencies, their ADMIN_AGENCY, and the LPSE's own roles (ADMIN_LPSE, VERIFIKATOR, AUDITOR): decision 0032 */
  "agency.manage": ["ADMIN_LPSE"],
  /** an agency's work units (satker) and its staff roles (PPK, POKJA, KPA, PEJABAT_PENGADAAN) */
  "organisation.manage": ["ADMIN_AGENCY"],
  "rule.manage": ["ADMIN_LPSE"],
  /** the LPSE's own profile: name, address, contact, logo, default time zone */
  "lpse.manage": ["ADMIN_LPSE"],
  "pokja.manage": ["ADMIN_AGENCY"],
  "pejabatPengadaan.appoint": ["ADMIN_AGENCY"],
  "paket.create": ["PPK"],
  "paket.edit": ["PPK"],
  "paket.handOver": ["PPK"],
  "sppbj.issue": ["PPK"],
  "tender.setup": ["POKJA"],
  "tender.publish": ["POKJA"],
  "tender.schedule.change": ["POKJA"],
  "tender.answerQuestion": ["POKJA"],
  "tender.publishAddendum": ["POKJA"],
  "tender.open": ["POKJA"],
  "tender.evaluate": ["POKJA"],
  "tender.answerSanggah": ["POKJA"],
  /** tender batal: the Pokja records it (SPSE practice); configuration, not law (docs/decisions/0023) */
  "tender.cancel": ["POKJA"],
  "pengadaanLangsung.run": ["PEJABAT_PENGADAAN"],
  "nonTender.record": ["PPK", "PEJABAT_PENGADAAN"],
  "agency.readInternal": ["ADMIN_AGENCY", "PPK", "POKJA", "PEJABAT_PENGADAAN", "KPA"],
  "vendor.verify": ["VERIFIKATOR"],
  "vendor.manageUsers": ["PENYEDIA"],
  "bid.submit": ["PENYEDIA"],
  "openingKey.manage": ["POKJA"],
  "directProcurement.quote": ["PENYEDIA"],
  "tender.askQuestion": ["PENYEDIA"],
  "sanggah.file": ["PENYEDIA"],
  "sanggahBanding.answer": ["KPA"],
  "penunjukanLangsung.approve": ["KPA"],
  "penunjukanLangsung.request": ["PPK", "POKJA"],
  "audit.read": ["AUDITOR", "ADMIN_LPSE"],
  /** another user's sign-ins, sessions, addresses and browsers: the Auditor's only (least privilege, docs/decisions/0038) */
  "accessLog.readAny": ["AUDITOR"],
  /** reading opened bid files besides the tender's own Pokja: auditors, not the LPSE admin (least privilege) */
  "bid.readOpenedFile": ["AUDITOR"],
  "email.readOutbox": ["ADMIN_LPSE", "AUDITOR"],
  "report.readAll": ["AUDITOR", "ADMIN_LPSE"],
  /** the backups, the restore drills and their alerts (/admin/cadangan, docs/decisions/0039) */
  "backup.view": ["ADMIN_LPSE"],
  /** ask the worker for a restore drill now */
  "backup.requestDrill": ["ADMIN_LPSE"],
  /** declare and end an incident on the public availability ledger (/admin/gangguan, docs/decisions/0040) */
  "incident.declare": ["ADMIN_LPSE"],
  /** announce, cancel and end early a maintenance window (/admin/pemeliharaan) */
  "maintenance.manage": ["ADMIN_LPSE"],
  /** add time to a compensation of the tender's own Pokja (never remove it); the use case checks membership */
  "compensation.add": ["POKJA"],
  /** export a tender as a signed bundle, mark it moved, import one (/admin/pindah-tender) */
  "tender.transfer": ["ADMIN_LPSE"],
  /** save searches and receive their alerts of new tenders (/penyedia/pencarian-tersimpan, docs/decisions/0041) */
  "savedSearch.manage": ["PENYEDIA"],
  /** daftar hitam: the LPSE's Verifikator enters the national list's entries, a PA/KPA its own
   * agency's sanctions (Perpres 16/2018 Pasal 78-82; Perlem LKPP 4/2021); lifting needs the same */
  "blacklist.manage": ["VERIFIKATOR", "KPA"],
  /** seleksi: a company sends its prakualifikasi form */
  "prequalification.apply": ["PENYEDIA"],
  /** e-Kontrak: the PPK drafts, signs, issues the SPMK, records BAST and payments, amends, terminates, rates */
  "contract.manage": ["PPK"],
  /** e-Kontrak: the winner's users review and sign the contract and report progress */
  "contract.respond": ["PENYEDIA"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles whose membership belongs to one agency. */
export const AGENCY_ROLES: readonly Role[] = ["ADMIN_AGENCY", "PPK", "POKJA", "PEJABAT_PENGADAAN", "KPA"];

export interface Membership {
  role: Role;
  agencyId: string | null;
}

export interface Actor {
  userId: string;
  name: string;
  email: string;
  memberships: Membership[];
  vendorId: string | null;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  locale: "id" | "en";
  /**
   * Set while the session's sign-in is unfinished: the second factor is due ("secondFactor") or
   * the user's roles require TOTP and none is enrolled ("totpEnrolment"). Such an actor has no
   * memberships, so every use case refuses it (decision 0034). Absent on actors made elsewhere.
   */
  pending?: "secondFactor" | "totpEnrolment" | null;
}

export function hasRole(actor: Actor, role: Role, agencyId?: string | null): boolean {
  return actor.memberships.some(
    (m) => m.role === role && (agencyId === undefined || !AGENCY_ROLES.includes(role) || m.agencyId === agencyId),
  );
}

/**
 * May the actor do `permission`? Pass `scope.agencyId` when the data belongs to an agency:
 * an agency-scoped role then counts only for that agency.
 */
export function can(actor: Actor, permission: Permission, scope: { agencyId?: string | null } = {}): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.memberships.some((m) => {
    if (!allowed.includes(m.role)) return false;
    if (!AGENCY_ROLES.includes(m.role) || scope.agencyId === undefined) return true;
    return m.agencyId === scope.agencyId;
  });
}

/** The agencies in which the actor holds `permission` through an agency-scoped role. */
export function agenciesFor(actor: Actor, permission: Permission): string[] {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.memberships
    .filter((m) => allowed.includes(m.role) && m.agencyId !== null)
    .map((m) => m.agencyId as string);
}
