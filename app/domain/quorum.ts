/** Quorum of a plenary meeting, from commissioner attendance and the office's rule. */
export type QuorumRule = "majority" | "two_thirds";

export type Quorum = { members: number; present: number; required: number; reached: boolean; rule: QuorumRule };

export function requiredPresent(members: number, rule: QuorumRule): number {
  if (members <= 0) return 1;
  return rule === "two_thirds" ? Math.ceil((members * 2) / 3) : Math.floor(members / 2) + 1;
}

export function quorum(members: number, present: number, rule: QuorumRule = "majority"): Quorum {
  const required = requiredPresent(members, rule);
  return { members, present, required, reached: members > 0 && present >= required, rule };
}

export function describeQuorum(q: Quorum): string {
  const rule = q.rule === "two_thirds" ? "paling sedikit dua pertiga" : "lebih dari separuh";
  return `${q.present} dari ${q.members} komisioner hadir; kuorum (${rule}) memerlukan ${q.required}: ${q.reached ? "terpenuhi" : "tidak terpenuhi"}.`;
}
