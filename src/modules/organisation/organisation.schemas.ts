import { z } from "zod";

// A form with one ticked checkbox sends a string, with none nothing at all.
const userIdList = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.uuid()).max(25),
);

const pokjaMembers = {
  memberIds: userIdList,
  // Message keys in errors.json: the action wrapper translates them.
  leaderId: z.uuid({ error: "pokjaLeader" }),
};

export const formPokjaSchema = z.object({
  agencyId: z.uuid(),
  name: z.string().trim().min(3).max(200),
  ...pokjaMembers,
});

export const changePokjaMembersSchema = z.object({
  pokjaId: z.uuid(),
  ...pokjaMembers,
});

export const pejabatPengadaanSchema = z.object({
  agencyId: z.uuid(),
  userId: z.uuid({ error: "pickUser" }),
});

export type FormPokjaInput = z.infer<typeof formPokjaSchema>;
export type ChangePokjaMembersInput = z.infer<typeof changePokjaMembersSchema>;
export type PejabatPengadaanInput = z.infer<typeof pejabatPengadaanSchema>;
