/**
 * The fixed value lists of the domain, in a module with no imports, so that browser code (forms,
 * selects) can use them without pulling the database schema into the JavaScript bundle.
 * db/schema/*.ts builds its column enums from these.
 */
export const OFFICE_LEVELS = ["ri", "provinsi", "kabkota"] as const;
export const TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
export const ROLES = ["secretariat", "commissioner", "participant", "visitor", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const COMMISSIONER_POSITIONS = ["ketua", "anggota"] as const;
export const STAKEHOLDER_TYPES = [
  "partai_politik",
  "bawaslu",
  "dukcapil",
  "dinas_pemakaman",
  "dinas_pendidikan",
  "dinas_sosial",
  "dinas_kesehatan",
  "kua_kemenag",
  "pengelola_rusun",
  "kodim_tni",
  "polres",
  "lainnya",
] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

export const MEETING_KINDS = ["internal_monthly", "open_quarterly", "coordination_quarterly", "semester", "other"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ["draf", "dijadwalkan", "berlangsung", "selesai", "dibatalkan", "ba_ditandatangani"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const AGENDA_OUTCOMES = ["selesai", "belum_selesai"] as const;
export const DELIVERY_CHANNELS = ["letter", "ics", "whatsapp", "email"] as const;
export const ATTENDANCE_STATUSES = ["hadir", "izin", "sakit", "dinas_luar"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const STANCES = ["setuju", "setuju_dengan_catatan", "keberatan"] as const;
export const FEEDBACK_CATEGORIES = ["pemilih_baru", "tms", "ganda", "perbaikan_data", "lainnya"] as const;
export const FOLLOW_UP_STATUSES = ["diterima", "ditolak", "ditindaklanjuti", "selesai"] as const;

/** What can happen to a berita acara (and later other documents), as written in the audit log. */
export const AUDIT_ACTIONS = [
  "dibuat",
  "dinomori",
  "disunting",
  "diajukan",
  "dilihat_penandatangan",
  "ditandatangani",
  "ditolak",
  "disegel",
  "diterbitkan",
  "diganti",
  "diunduh",
  "dibatalkan",
  "pindaian_diunggah",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** Berita acara: a draft, submitted for signature, signed and sealed (or scanned), or abandoned. */
export const MINUTES_STATUSES = ["draf", "diajukan", "ditandatangani", "dibatalkan"] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const SIGNATURE_STATUSES = ["menunggu", "ditandatangani", "ditolak"] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];
/** How a published berita acara was signed: sealed by Pleno, or a scan of the signed paper. */
export const PUBLICATION_KINDS = ["elektronik", "pindaian"] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
