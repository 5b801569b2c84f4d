import { describe, expect, it } from "vitest";
import { agendaTemplate, carryOverCandidates } from "../../app/domain/agenda";
import { describeQuorum, quorum } from "../../app/domain/quorum";

describe("quorum", () => {
  it("more than half of the commission by default", () => {
    expect(quorum(5, 3)).toMatchObject({ required: 3, reached: true });
    expect(quorum(5, 2)).toMatchObject({ required: 3, reached: false });
    expect(quorum(4, 2)).toMatchObject({ required: 3, reached: false });
    expect(quorum(7, 4).reached).toBe(true);
    expect(quorum(0, 0).reached).toBe(false);
  });
  it("two thirds when the office chose it", () => {
    expect(quorum(5, 3, "two_thirds")).toMatchObject({ required: 4, reached: false });
    expect(quorum(6, 4, "two_thirds").reached).toBe(true);
  });
  it("is explained in words", () => {
    expect(describeQuorum(quorum(5, 2))).toBe("2 dari 5 komisioner hadir; kuorum (lebih dari separuh) memerlukan 3: tidak terpenuhi.");
  });
});

describe("agenda", () => {
  it("the pleno template has the six standard items in order", () => {
    expect(agendaTemplate("open_quarterly").map((i) => i.title)).toEqual([
      "Pembukaan",
      "Paparan rekapitulasi oleh Divisi Perencanaan, Data dan Informasi",
      "Tanggapan peserta",
      "Penetapan",
      "Penandatanganan berita acara",
      "Penutup",
    ]);
  });
  it("carry-over proposes unfinished items not yet accepted or dismissed", () => {
    const items = [
      { id: 1, outcome: "selesai" },
      { id: 2, outcome: "belum_selesai" },
      { id: 3, outcome: null },
      { id: 4, outcome: "belum_selesai" },
    ];
    expect(carryOverCandidates(items, new Set([4])).map((i) => i.id)).toEqual([2]);
  });
});
