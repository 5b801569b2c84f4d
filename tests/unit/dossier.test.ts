import { describe, expect, it } from "vitest";
import { agendaText, fileSlug, manifestText } from "../../app/domain/dossier";

describe("meeting dossier, pure parts", () => {
  it("file names are ASCII slugs without path separators", () => {
    expect(fileSlug("Partai Demokrasi (PDI-P) / Jepara")).toBe("partai-demokrasi-pdi-p-jepara");
    expect(fileSlug("../../etc/passwd")).toBe("etc-passwd");
    expect(fileSlug("Dinas Pendidikan, Pemuda dan Olahraga Kabupaten Jepara", 20)).toBe("dinas-pendidikan-pem");
    expect(fileSlug("Āčé")).toBe("ace");
    expect(fileSlug("///")).toBe("berkas");
    expect(fileSlug("01/PL.01.2-BA/3320/KPU-Kab/XI/2026", 80)).toBe("01-pl-01-2-ba-3320-kpu-kab-xi-2026");
  });

  it("the agenda text has the meeting, its items with outcome and notes, and its decisions, in office time", () => {
    const text = agendaText({
      officeName: "KPU Kabupaten Jepara",
      title: "Rapat Pleno Terbuka",
      periodWords: "Triwulan Ketiga Tahun 2025",
      startsAt: new Date("2025-10-06T02:00:00Z"),
      endsAt: new Date("2025-10-06T05:00:00Z"),
      zone: "Asia/Jakarta",
      place: "Aula KPU",
      chair: null,
      status: "selesai",
      items: [
        { title: "Pembukaan", presenter: "Ketua", durationMinutes: 10, notes: "", outcome: "selesai" },
        { title: "Tanggapan peserta", presenter: "", durationMinutes: 30, notes: "Bawaslu hadir\n\nDukcapil hadir", outcome: "belum_selesai" },
      ],
      decisions: [{ text: "Menetapkan rekapitulasi" }],
    });
    const lines = text.split("\r\n");
    expect(lines).toContain("Waktu: 09.00 WIB s.d. 12.00 WIB");
    expect(lines).toContain("Pimpinan rapat: belum ditentukan");
    expect(lines).toContain("1. Pembukaan (10 menit, penyaji: Ketua) [selesai dibahas]");
    expect(lines).toContain("2. Tanggapan peserta (30 menit) [belum selesai]");
    expect(lines).toContain("   Dukcapil hadir");
    expect(lines).toContain("1. Menetapkan rekapitulasi");
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("an empty agenda says so", () => {
    const text = agendaText({
      officeName: "KPU", title: "R", periodWords: "P", startsAt: new Date(0), endsAt: new Date(0), zone: "Asia/Jayapura",
      place: "", chair: "Ketua", status: "dijadwalkan", items: [], decisions: [],
    });
    expect(text).toContain("(agenda belum disusun)");
    expect(text).toContain("(belum ada keputusan yang dicatat)");
    expect(text).toContain("Waktu: 09.00 WIT s.d. 09.00 WIT");
  });

  it("the manifest is in sha256sum format", () => {
    expect(manifestText([{ name: "a.pdf", sha256: "ab".repeat(32) }, { name: "b/c.txt", sha256: "cd".repeat(32) }])).toBe(
      `${"ab".repeat(32)}  a.pdf\n${"cd".repeat(32)}  b/c.txt\n`,
    );
  });
});
