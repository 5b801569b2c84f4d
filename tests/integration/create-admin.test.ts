import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { activeMembershipsOf } from "../../app/models/user.server";
import { createAdmin } from "../../db/create-admin";
import { users } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";

beforeAll(() => {
  useTestDatabase();
});

describe("create-admin", () => {
  it("creates an admin of KPU RI who can sign in", async () => {
    const id = await createAdmin(db(), "Kepala.Data@kpu.go.id", "Kepala Data", "panjang-sekali-123");
    const user = db().select().from(users).where(eq(users.id, id)).get()!;
    expect(user.email).toBe("kepala.data@kpu.go.id");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(activeMembershipsOf(id).map((m) => [m.membership.role, m.office.code])).toEqual([["admin", "00"]]);
  });

  it("refuses a short password or a bad e-mail", async () => {
    await expect(createAdmin(db(), "a@b.id", "A", "pendek")).rejects.toThrow(/minimal 10/);
    await expect(createAdmin(db(), "bukan-email", "A", "panjang-sekali-123")).rejects.toThrow(/E-mail/);
  });
});
