-- Accounts (issue 11, item 3): one-use links for invitations, password resets and e-mail
-- confirmations, a user without a usable password, and the throttle of "Lupa kata sandi".
-- Decision 0033 says why each piece is the way it is.

-- An invited user has no password until they set one from the invitation link; sign-in
-- treats NULL as a wrong password.
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;
ALTER TABLE "User" ADD COLUMN "passwordChangedAt" TIMESTAMPTZ(3);
ALTER TABLE "User" ADD COLUMN "emailVerifiedAt" TIMESTAMPTZ(3);

CREATE TYPE "AccountTokenKind" AS ENUM ('INVITATION', 'PASSWORD_RESET', 'EMAIL_CONFIRMATION');

-- Only the SHA-256 of a link's token is stored: an insider with a dump cannot use a link.
CREATE TABLE "AccountToken" (
    "id" UUID NOT NULL,
    "kind" "AccountTokenKind" NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdById" UUID,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AccountToken_expiresAt_check" CHECK ("expiresAt" > "createdAt"),
    CONSTRAINT "AccountToken_usedAt_check" CHECK ("usedAt" IS NULL OR "usedAt" >= "createdAt"),
    -- a SHA-256 digest, nothing else (a clear token stored by mistake would not fit)
    CONSTRAINT "AccountToken_tokenHash_check" CHECK (octet_length("tokenHash") = 32)
);

CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");
-- the reset throttle and "void the older links" both look up a user's tokens of one kind
CREATE INDEX "AccountToken_userId_kind_createdAt_idx" ON "AccountToken"("userId", "kind", "createdAt");
CREATE INDEX "AccountToken_createdById_idx" ON "AccountToken"("createdById");

ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The "Lupa kata sandi" throttle's counters (src/modules/auth/server/reset-limiter.ts), in
-- the layout rate-limiter-flexible expects, beside the sign-in throttle's.
CREATE SCHEMA IF NOT EXISTS rate_limit;

CREATE TABLE IF NOT EXISTS rate_limit.password_reset (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'segel_app') THEN
    GRANT USAGE ON SCHEMA rate_limit TO segel_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit.password_reset TO segel_app;
  END IF;
END $$;
