"use server";

import { z } from "zod";
import { action } from "@/server/action";
import { checkAuditLog } from "./server/check-audit-log";
import { signTreeHeadNow } from "./server/sign-tree-head-now";

export const checkAuditLogAction = action(z.object({}), (_input, actor) => checkAuditLog(actor));
export const signTreeHeadAction = action(z.object({}), (_input, actor) => signTreeHeadNow(actor));
