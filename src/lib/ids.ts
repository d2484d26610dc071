import { z } from "zod";

// Every record id is a UUID (gen_random_uuid()). PostgreSQL refuses anything else in a
// uuid column with an error, so an id from a URL, a form or a header is checked here
// first: "not a UUID" is simply "no such record". The same check as the schemas' z.uuid().
const uuid = z.uuid();

export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;
