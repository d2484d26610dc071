"use server";

import { z } from "zod";
import { action } from "@/server/action";
import { checkAuditChain } from "./server/check-audit-chain";

export const checkAuditChainAction = action(z.object({}), (_input, actor) => checkAuditChain(actor));
