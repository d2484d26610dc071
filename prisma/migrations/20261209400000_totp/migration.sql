-- A second factor (issue 11, item 4): TOTP (RFC 6238) with recovery codes, the session's
-- second step, and the instance setting that requires it for staff. Decision 0034 says why.

-- The secret is AES-256-GCM ciphertext under a key derived from the instance key, which lives
-- outside the database: a dump cannot make codes. nonce (12) + ciphertext (20) + tag (16).
ALTER TABLE "User" ADD COLUMN "totpSecret" BYTEA;
ALTER TABLE "User" ADD COLUMN "totpEnabledAt" TIMESTAMPTZ(3);
ALTER TABLE "User" ADD COLUMN "totpLastStep" BIGINT;
ALTER TABLE "User" ADD CONSTRAINT "User_totpSecret_check" CHECK (octet_length("totpSecret") BETWEEN 40 AND 128);
-- enabled means there is a secret to check codes against
ALTER TABLE "User" ADD CONSTRAINT "User_totpEnabledAt_check" CHECK ("totpEnabledAt" IS NULL OR "totpSecret" IS NOT NULL);
ALTER TABLE "User" ADD CONSTRAINT "User_totpLastStep_check" CHECK ("totpLastStep" IS NULL OR "totpLastStep" >= 0);

-- The session's second step: given when, how, and the wrong codes given in it.
ALTER TABLE "UserSession" ADD COLUMN "secondFactorAt" TIMESTAMPTZ(3);
ALTER TABLE "UserSession" ADD COLUMN "secondFactorMethod" TEXT;
ALTER TABLE "UserSession" ADD COLUMN "secondFactorFailures" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "UserSession" ADD COLUMN "secondFactorFailedAt" TIMESTAMPTZ(3);
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_secondFactorMethod_check"
  CHECK ("secondFactorMethod" IN ('totp', 'recovery', 'enrolment'));
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_secondFactor_check"
  CHECK (("secondFactorAt" IS NULL) = ("secondFactorMethod" IS NULL));
-- the fifth wrong code ends the session, so no session counts more
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_secondFactorFailures_check"
  CHECK ("secondFactorFailures" BETWEEN 0 AND 5);
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_secondFactorFailedAt_check"
  CHECK (("secondFactorFailures" = 0) = ("secondFactorFailedAt" IS NULL));

-- Recovery codes: only an HMAC-SHA256 of each (32 bytes), each used once.
CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id"),
    -- a digest, nothing else: a clear code stored by mistake would not fit
    CONSTRAINT "RecoveryCode_codeHash_check" CHECK (octet_length("codeHash") = 32),
    CONSTRAINT "RecoveryCode_usedAt_check" CHECK ("usedAt" IS NULL OR "usedAt" >= "createdAt")
);

CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON "RecoveryCode"("userId", "codeHash");

ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Staff roles must use TOTP unless the LPSE turns it off (the demo does); configuration, not law.
ALTER TABLE "LpseInstance" ADD COLUMN "requireStaffTotp" BOOLEAN NOT NULL DEFAULT true;
