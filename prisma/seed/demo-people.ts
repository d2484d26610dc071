import type { Role } from "../../src/generated/prisma/enums";

/** Every demo account signs in with this password (printed by `npm start`). */
export const DEMO_PASSWORD = "Segel#2026";

/** Every demo Pokja member's opening passphrase (kunci pembukaan), needed at bid opening. */
export const DEMO_OPENING_PASSPHRASE = "Kunci Pembukaan Segel 2026";

// The demo's ocid prefix (not registered with the Open Contracting Partnership): set when the
// LPSE row is made, before any demo tender publishes a release (docs/decisions/0041).
export const LPSE = { code: "SEGEL", name: "LPSE Segel Nusantara", ocidPrefix: "ocds-segel1" };

export const AGENCIES = [
  {
    code: "KEMENPU",
    name: "Kementerian Pekerjaan Umum",
    kind: "KEMENTERIAN",
    timeZone: "Asia/Jakarta",
    workUnits: [
      { code: "KEMENPU-BBWSCC", name: "Balai Besar Wilayah Sungai Ciliwung Cisadane" },
      { code: "KEMENPU-BBPJN", name: "Balai Besar Pelaksanaan Jalan Nasional Jakarta-Jawa Barat" },
    ],
  },
  {
    code: "PROV-SULSEL",
    name: "Pemerintah Provinsi Sulawesi Selatan",
    kind: "PEMDA_PROVINSI",
    timeZone: "Asia/Makassar",
    workUnits: [
      { code: "SULSEL-DINKES", name: "Dinas Kesehatan Provinsi Sulawesi Selatan" },
      { code: "SULSEL-DISDIK", name: "Dinas Pendidikan Provinsi Sulawesi Selatan" },
    ],
  },
  {
    code: "KAB-JAYAPURA",
    name: "Pemerintah Kabupaten Jayapura",
    kind: "PEMDA_KABUPATEN",
    timeZone: "Asia/Jayapura",
    workUnits: [
      { code: "JAYAPURA-PUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Jayapura" },
      { code: "JAYAPURA-SETDA", name: "Sekretariat Daerah Kabupaten Jayapura" },
    ],
  },
] as const;

export type AgencyCode = (typeof AGENCIES)[number]["code"];

export interface DemoUser {
  email: string;
  name: string;
  nip?: string;
  roles: { role: Role; agency?: AgencyCode }[];
  /** NPWP of the vendor company this user belongs to */
  vendorNpwp?: string;
}

export const VENDORS = [
  {
    name: "PT Karya Bangun Nusantara",
    businessForm: "PT",
    npwp: "013456789012000",
    nib: "9120001234567",
    address: "Jl. Jenderal Sudirman Kav. 52",
    city: "Jakarta Selatan",
    province: "DKI Jakarta",
    email: "tender@karyabangun.co.id",
    phone: "021-5201234",
    kbli: ["42101", "42911"],
    director: { name: "Ir. Rudi Hartono", position: "Direktur Utama" },
  },
  {
    name: "CV Sinar Makassar Abadi",
    businessForm: "CV",
    npwp: "7371014501900002",
    nib: "8120002345678",
    address: "Jl. Urip Sumoharjo No. 118",
    city: "Makassar",
    province: "Sulawesi Selatan",
    email: "admin@sinarmakassar.co.id",
    phone: "0411-441122",
    kbli: ["46693", "81210"],
    director: { name: "Andi Baso Mappaseng", position: "Persero Pengurus" },
  },
  {
    name: "PT Papua Cipta Konstruksi",
    businessForm: "PT",
    npwp: "029876543210000",
    nib: "9120003456789",
    address: "Jl. Raya Sentani No. 7, Hinekombe",
    city: "Kabupaten Jayapura",
    province: "Papua",
    email: "kantor@papuacipta.co.id",
    phone: "0967-591234",
    kbli: ["42101", "42204"],
    director: { name: "Markus Wonda", position: "Direktur Utama" },
  },
  {
    name: "PT Medika Sehat Sentosa",
    businessForm: "PT",
    npwp: "3578026703850001",
    nib: "9120004567890",
    address: "Jl. Raya Darmo No. 45",
    city: "Surabaya",
    province: "Jawa Timur",
    email: "tender@medikasehat.co.id",
    phone: "031-5678901",
    kbli: ["46691", "46693"],
    director: { name: "Sri Wahyuni, S.E.", position: "Direktur" },
  },
  {
    name: "PT Konsultan Teknik Mandiri",
    businessForm: "PT",
    npwp: "021234567890000",
    nib: "9120005678901",
    address: "Jl. Dipati Ukur No. 33",
    city: "Bandung",
    province: "Jawa Barat",
    email: "proyek@kteknikmandiri.co.id",
    phone: "022-2501234",
    kbli: ["71102", "71101"],
    director: { name: "Ir. Dedi Kurniawan, M.T.", position: "Direktur Utama" },
  },
] as const;

const pokja = (prefix: string, agency: AgencyCode, names: string[]): DemoUser[] =>
  names.map((name, i) => ({ email: `pokja${i + 1}.${prefix}@segel.test`, name, roles: [{ role: "POKJA", agency }] }));

export const USERS: DemoUser[] = [
  { email: "admin.lpse@segel.test", name: "Dewi Lestari", nip: "198503122010012001", roles: [{ role: "ADMIN_LPSE" }] },
  { email: "verifikator@segel.test", name: "Agus Salim", nip: "198807202012121002", roles: [{ role: "VERIFIKATOR" }] },
  { email: "auditor@segel.test", name: "Ratna Sari Dewi", nip: "197912052005022001", roles: [{ role: "AUDITOR" }] },
  { email: "admin.pu@segel.test", name: "Bambang Wijaya", roles: [{ role: "ADMIN_AGENCY", agency: "KEMENPU" }] },
  {
    email: "ppk.pu@segel.test",
    name: "Siti Nurhaliza",
    nip: "198001152006042003",
    roles: [{ role: "PPK", agency: "KEMENPU" }],
  },
  { email: "pp.pu@segel.test", name: "I Made Suarta", roles: [{ role: "PEJABAT_PENGADAAN", agency: "KEMENPU" }] },
  { email: "kpa.pu@segel.test", name: "Ir. Bambang Sutrisno", roles: [{ role: "KPA", agency: "KEMENPU" }] },
  ...pokja("pu", "KEMENPU", ["Hendra Gunawan", "Fitri Handayani", "Yohanes Kurniawan"]),
  {
    email: "admin.sulsel@segel.test",
    name: "Andi Baso Amir",
    roles: [{ role: "ADMIN_AGENCY", agency: "PROV-SULSEL" }],
  },
  { email: "ppk.sulsel@segel.test", name: "Nurul Hidayah", roles: [{ role: "PPK", agency: "PROV-SULSEL" }] },
  {
    email: "pp.sulsel@segel.test",
    name: "Muhammad Ridwan",
    roles: [{ role: "PEJABAT_PENGADAAN", agency: "PROV-SULSEL" }],
  },
  { email: "kpa.sulsel@segel.test", name: "Dr. Andi Rachmat", roles: [{ role: "KPA", agency: "PROV-SULSEL" }] },
  ...pokja("sulsel", "PROV-SULSEL", ["Andi Tenri Ajeng", "Syamsul Bahri", "Haerani Rahman"]),
  {
    email: "admin.jayapura@segel.test",
    name: "Yakobus Ohee",
    roles: [{ role: "ADMIN_AGENCY", agency: "KAB-JAYAPURA" }],
  },
  { email: "ppk.jayapura@segel.test", name: "Yosina Wenda", roles: [{ role: "PPK", agency: "KAB-JAYAPURA" }] },
  {
    email: "pp.jayapura@segel.test",
    name: "Markus Yoku",
    roles: [{ role: "PEJABAT_PENGADAAN", agency: "KAB-JAYAPURA" }],
  },
  { email: "kpa.jayapura@segel.test", name: "Hana Hikoyabi", roles: [{ role: "KPA", agency: "KAB-JAYAPURA" }] },
  ...pokja("jayapura", "KAB-JAYAPURA", ["Elisabeth Mebri", "Daniel Taime", "Agustina Puhili"]),
  ...VENDORS.map((v, i): DemoUser => ({
    email: `penyedia${i + 1}@segel.test`,
    name: ["Rahmat Hidayat", "Sri Wahyuni", "Benny Wanimbo", "Lina Kusuma", "Teguh Prasetyo"][i]!,
    roles: [{ role: "PENYEDIA" }],
    vendorNpwp: v.npwp,
  })),
];

/**
 * The accounts `npm start` prints, grouped by what a newcomer does with them: one agency's
 * whole journey (Kementerian PU) from paket to SPPBJ, and the LPSE's own staff. The two
 * other agencies have the same accounts with their own suffix.
 */
export const WELCOME_GROUPS: { title: string; accounts: { email: string; does: string }[] }[] = [
  {
    title: "LPSE",
    accounts: [
      { email: "admin.lpse@segel.test", does: "Admin LPSE: profil, instansi, pengguna; /surat-keluar (e-mail)" },
      { email: "verifikator@segel.test", does: "Verifikator: memverifikasi penyedia" },
      { email: "auditor@segel.test", does: "Auditor: jejak audit" },
    ],
  },
  {
    title: "Kementerian PU (instansi contoh)",
    accounts: [
      { email: "admin.pu@segel.test", does: "Admin instansi: satker dan pegawai" },
      { email: "ppk.pu@segel.test", does: "PPK: paket, serah ke Pokja, SPPBJ" },
      { email: "kpa.pu@segel.test", does: "KPA: sanggah banding, penunjukan langsung" },
      { email: "pp.pu@segel.test", does: "Pejabat Pengadaan: pengadaan langsung" },
    ],
  },
  {
    title: "Pokja Pemilihan Kementerian PU (membuka penawaran: 2 dari 3 anggota)",
    accounts: [
      { email: "pokja1.pu@segel.test", does: "anggota (ketua)" },
      { email: "pokja2.pu@segel.test", does: "anggota" },
      { email: "pokja3.pu@segel.test", does: "anggota" },
    ],
  },
  {
    title: "Penyedia",
    accounts: [
      { email: "penyedia1@segel.test", does: "PT Karya Bangun Nusantara" },
      { email: "penyedia2@segel.test", does: "CV Sinar Makassar Abadi" },
    ],
  },
];

/** Every featured account, for checks that the banner names real users. */
export const FEATURED_ACCOUNTS = WELCOME_GROUPS.flatMap((g) => g.accounts.map((a) => a.email));

/** The banner's lines for the demo accounts (printed by `npm start`). */
export function demoWelcomeLines(): string[] {
  const width = Math.max(...FEATURED_ACCOUNTS.map((e) => e.length));
  return [
    `  Demo accounts (password for all: ${DEMO_PASSWORD}):`,
    ...WELCOME_GROUPS.flatMap((g) => [
      `   ${g.title}`,
      ...g.accounts.map((a) => `    ${a.email.padEnd(width)}  ${a.does}`),
    ]),
    `  Pokja opening passphrase (kunci pembukaan), every Pokja member: ${DEMO_OPENING_PASSPHRASE}`,
    `  The other agencies' accounts end in .sulsel and .jayapura (ppk.sulsel@, pokja1.jayapura@ ...);`,
    `  penyedia1@ to penyedia${VENDORS.length}@ are the ${VENDORS.length} vendors. All in prisma/seed/demo-people.ts.`,
  ];
}
