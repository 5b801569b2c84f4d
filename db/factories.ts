/**
 * Factories shared by the demo seed and the tests: each writes real rows through drizzle.
 */
import { eq } from "drizzle-orm";
import type { DB } from "../app/db.server";
import { hashPassword } from "../app/auth/password.server";
import {
  memberships,
  offices,
  stakeholderContacts,
  stakeholders,
  users,
  type Role,
  type StakeholderType,
} from "./schema";

export function officeByCode(database: DB, code: string) {
  const office = database.select().from(offices).where(eq(offices.code, code)).get();
  if (!office) throw new Error(`Kantor dengan kode ${code} tidak ada (data wilayah belum dimuat?)`);
  return office;
}

export async function createUser(
  database: DB,
  input: { email: string; name: string; password: string; isActive?: boolean },
) {
  return database
    .insert(users)
    .values({
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: await hashPassword(input.password),
      isActive: input.isActive ?? true,
    })
    .returning()
    .get();
}

export function createMembership(
  database: DB,
  input: {
    userId: number;
    officeId: number;
    role: Role;
    position?: "ketua" | "anggota" | null;
    division?: string | null;
    title?: string;
    stakeholderId?: number | null;
  },
) {
  return database
    .insert(memberships)
    .values({
      userId: input.userId,
      officeId: input.officeId,
      role: input.role,
      position: input.position ?? null,
      division: input.division ?? null,
      title: input.title ?? "",
      stakeholderId: input.stakeholderId ?? null,
    })
    .returning()
    .get();
}

export async function createMember(
  database: DB,
  input: Parameters<typeof createUser>[1] & Omit<Parameters<typeof createMembership>[1], "userId">,
) {
  const user = await createUser(database, input);
  const membership = createMembership(database, { ...input, userId: user.id });
  return { user, membership };
}

export type ContactSeed = { name: string; position: string; whatsapp?: string | null; email?: string | null };

export function createStakeholderWithContacts(
  database: DB,
  input: { officeId: number; name: string; type: StakeholderType; address?: string; contacts?: ContactSeed[] },
) {
  const org = database
    .insert(stakeholders)
    .values({ officeId: input.officeId, name: input.name, type: input.type, address: input.address ?? "" })
    .returning()
    .get();
  for (const c of input.contacts ?? []) {
    database
      .insert(stakeholderContacts)
      .values({ stakeholderId: org.id, name: c.name, position: c.position, whatsapp: c.whatsapp ?? null, email: c.email ?? null })
      .run();
  }
  return org;
}
