import type { BackupAlertKind } from "./records";

/** What each alert means, in the words of the notifications (Indonesian, as every notification is). */
const ALERT_TITLES: Record<BackupAlertKind, string> = {
  ARCHIVE_FAILING: "pengarsipan WAL gagal",
  BACKUP_STALE: "cadangan dasar terlalu lama",
  BACKUP_FAILED: "cadangan dasar gagal",
  DRILL_FAILED: "uji pemulihan gagal",
  DRILL_STALE: "uji pemulihan terlalu lama",
  DISK_LOW: "disk cadangan hampir penuh",
  STORE_COPY_FAILING: "penyalinan penyimpanan berkas gagal",
};

export const BACKUP_PAGE = "/admin/cadangan";

export function alertOpenedMessage(kind: BackupAlertKind, detail: string) {
  return {
    kind: "backup.alertOpened",
    title: `Peringatan cadangan: ${ALERT_TITLES[kind]}`,
    body: `${detail}\n\nSelama peringatan ini terbuka, data yang baru masuk mungkin belum tercadangkan. Periksa halaman Cadangan.`,
    link: BACKUP_PAGE,
  };
}

export function alertClosedMessage(kind: BackupAlertKind, openedAt: Date) {
  return {
    kind: "backup.alertClosed",
    title: `Cadangan pulih: ${ALERT_TITLES[kind]} sudah teratasi`,
    body: `Peringatan yang terbuka sejak ${openedAt.toISOString()} sudah tidak berlaku: pemeriksaan terakhir sehat.`,
    link: BACKUP_PAGE,
  };
}
