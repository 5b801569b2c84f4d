/**
 * Pure parts of the meeting dossier (the ZIP of a meeting's documents): safe file names, the
 * agenda as plain text and the manifest of SHA-256 sums.
 */
import { STATUS_LABELS } from "./agenda";
import { formatDate, formatTime, type ZoneName } from "./format";

/** "Partai Demokrasi (PDI-P) / Jepara" → "partai-demokrasi-pdi-p-jepara": ASCII, no path separators. */
export function fileSlug(text: string, max = 60): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return slug || "berkas";
}

export type AgendaTextInput = {
  officeName: string;
  title: string;
  periodWords: string;
  startsAt: Date;
  endsAt: Date;
  zone: ZoneName;
  place: string;
  chair: string | null;
  status: keyof typeof STATUS_LABELS;
  items: { title: string; presenter: string; durationMinutes: number; notes: string; outcome: "selesai" | "belum_selesai" | null }[];
  decisions: { text: string }[];
};

const OUTCOMES = { selesai: "selesai dibahas", belum_selesai: "belum selesai" } as const;

/** The agenda and decisions of a meeting as a text file (CRLF, readable in any editor). */
export function agendaText(m: AgendaTextInput): string {
  const lines = [
    "AGENDA RAPAT",
    m.officeName,
    "",
    m.title,
    `Periode: ${m.periodWords}`,
    `Hari, tanggal: ${formatDate(m.startsAt, m.zone)}`,
    `Waktu: ${formatTime(m.startsAt, m.zone)} s.d. ${formatTime(m.endsAt, m.zone)}`,
    `Tempat: ${m.place || "-"}`,
    `Pimpinan rapat: ${m.chair ?? "belum ditentukan"}`,
    `Status rapat: ${STATUS_LABELS[m.status]}`,
    "",
    "Acara:",
  ];
  if (!m.items.length) lines.push("(agenda belum disusun)");
  m.items.forEach((item, i) => {
    const presenter = item.presenter ? `, penyaji: ${item.presenter}` : "";
    const outcome = item.outcome ? ` [${OUTCOMES[item.outcome]}]` : "";
    lines.push(`${i + 1}. ${item.title} (${item.durationMinutes} menit${presenter})${outcome}`);
    for (const note of item.notes.split(/\r?\n/).filter((l) => l.trim())) lines.push(`   ${note}`);
  });
  lines.push("", "Keputusan:");
  if (!m.decisions.length) lines.push("(belum ada keputusan yang dicatat)");
  m.decisions.forEach((d, i) => lines.push(`${i + 1}. ${d.text}`));
  return `${lines.join("\r\n")}\r\n`;
}

/** `sha256sum -c MANIFEST.txt` checks every file of the unpacked dossier. */
export function manifestText(files: { name: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.name}\n`).join("");
}
