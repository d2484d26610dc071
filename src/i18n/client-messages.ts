// Which messages reach the browser (docs/decisions/0016-public-page-caching.md). Server
// components translate on the server and ship only HTML; client components need their
// messages in the page's payload, so each route ships the keys its client components ask
// for, and no more: the whole catalogue was 78 KB of the tender list's 107 KB.
// client-messages.test.ts reads every route's client components and fails when a key is
// missing here.

/** The root layout's own client parts (the header's account part, the language switch, sign-out, the error page): every page. */
export const LAYOUT_CLIENT_MESSAGES = ["common.nav", "common.locale", "common.error", "auth.signOut"] as const;

/** Per route folder under src/app (its layout.tsx wraps it in <ClientMessages>): what its pages' client components use. */
export const ROUTE_CLIENT_MESSAGES = {
  admin: [
    "common",
    "lpse.profile",
    "paket.rules",
    "auth.users",
    "auth.oidc.admin",
    "organisation",
    "tender.procedures",
    "security.reset",
    "security.setting",
    "account.resendInvitation",
    "backup.drill",
    "transfer.export",
    "transfer.import",
    "availability.maintenance.admin",
    "availability.ledger.form",
  ],
  akun: [
    "bids.openingKey",
    "accessLog.actions",
    "account.newPassword",
    "account.changePassword",
    "security.enrol",
    "security.manage",
  ],
  audit: ["dashboard.audit", "accessLog.actions"],
  daftar: ["vendors.company", "vendors.form", "vendors.register"],
  "daftar-hitam/kelola": ["blacklist.form"],
  "konfirmasi-email": [],
  kpa: ["remedies"],
  masuk: ["auth.signIn", "auth.oidc", "errors", "security.signInStep", "auth.signOut"],
  "atur-ulang-kata-sandi": ["account.newPassword"],
  "lupa-kata-sandi": ["account.forgot"],
  "non-tender/[id]": ["procurement.nonTender"],
  "non-tender/baru": ["common", "procurement.nonTender"],
  paket: ["common", "paket.documents", "paket.form", "paket.handover"],
  "pengadaan-langsung": ["procurement.direct"],
  penyedia: [
    "bids",
    "qualification.form",
    "qualification.pact",
    "vendors.documents",
    "vendors.form",
    "remedies",
    "questions.vendor",
    "procurement.invitations",
    "alerts.form",
    "alerts.list",
    "seleksi.forms",
    "contracts.execution",
    "contracts.addendum",
    "contracts.termination",
    "contracts.rating",
    "contracts.steps",
  ],
  pokja: [
    "evaluation",
    "opening.form",
    "questions.pokja",
    "remedies",
    "tender",
    "availability.compensation.form",
    "qualification.requirements",
    "seleksi.forms",
  ],
  ppk: [
    "remedies",
    "contracts.form",
    "contracts.steps",
    "contracts.execution",
    "contracts.addendum",
    "contracts.termination",
    "contracts.rating",
  ],
  "tender/[code]": ["vendors.participation"],
  undangan: ["account.newPassword"],
  verifikasi: ["vendors.form"],
  "verifikasi-tanda-terima": ["bids.verify"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessagesRoute = keyof typeof ROUTE_CLIENT_MESSAGES;
