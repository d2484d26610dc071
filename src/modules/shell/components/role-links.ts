import type { Role } from "@/modules/auth/domain";

/**
 * Where each role's work is. The header shows the links of the roles the user holds;
 * showing a link grants nothing: every page's use case checks again.
 */
export const ROLE_LINKS: Record<Role, { href: string; label: string }[]> = {
  ADMIN_LPSE: [
    { href: "/admin/profil", label: "lpseProfile" },
    { href: "/admin/instansi", label: "agencies" },
    { href: "/admin/pengguna", label: "users" },
    { href: "/admin/keamanan", label: "security" },
    { href: "/admin/cadangan", label: "backups" },
    { href: "/admin/gangguan", label: "incidents" },
    { href: "/admin/pemeliharaan", label: "maintenance" },
    { href: "/admin/pindah-tender", label: "tenderTransfer" },
    { href: "/admin/aturan-metode", label: "methodRules" },
    { href: "/admin/prosedur", label: "procedureMinimums" },
    { href: "/audit", label: "audit" },
    { href: "/surat-keluar", label: "outbox" },
  ],
  ADMIN_AGENCY: [
    { href: "/admin/organisasi", label: "organisation" },
    { href: "/admin/pengguna", label: "users" },
    { href: "/admin/pokja", label: "pokja" },
  ],
  PPK: [
    { href: "/paket", label: "paket" },
    { href: "/paket/baru", label: "newPaket" },
    { href: "/non-tender/baru", label: "recordNonTender" },
    { href: "/ppk/kontrak", label: "contracts" },
  ],
  POKJA: [
    { href: "/pokja", label: "pokjaTenders" },
    { href: "/akun/kunci-pembukaan", label: "openingKey" },
  ],
  PEJABAT_PENGADAAN: [
    { href: "/pengadaan-langsung", label: "directProcurement" },
    { href: "/non-tender/baru", label: "recordNonTender" },
  ],
  VERIFIKATOR: [
    { href: "/verifikasi", label: "verification" },
    { href: "/daftar-hitam/kelola", label: "blacklist" },
  ],
  AUDITOR: [
    { href: "/audit", label: "audit" },
    { href: "/audit/akses", label: "accessLogs" },
    { href: "/admin/aturan-metode", label: "methodRules" },
    { href: "/admin/prosedur", label: "procedureMinimums" },
  ],
  KPA: [
    { href: "/kpa", label: "kpaDesk" },
    { href: "/daftar-hitam/kelola", label: "blacklist" },
  ],
  PENYEDIA: [
    { href: "/penyedia/profil", label: "vendorProfile" },
    { href: "/penyedia/undangan", label: "invitations" },
    { href: "/penyedia/pengguna", label: "vendorUsers" },
    { href: "/penyedia/pencarian-tersimpan", label: "savedSearches" },
    { href: "/penyedia/kontrak", label: "vendorContracts" },
  ],
};

/** The links for a set of roles, each address once, in role order. */
export function linksFor(roles: readonly Role[]): { href: string; label: string }[] {
  const seen = new Set<string>();
  return roles.flatMap((role) => ROLE_LINKS[role]).filter((link) => !seen.has(link.href) && seen.add(link.href));
}
