-- Central sign-in (issue 11, item 5): an identity at an OpenID Connect provider (INAPROC,
-- Perpres 17/2023) that signs in as a Segel user. An admin links it; a sign-in never makes
-- one, and an e-mail claim is never matched (decision 0035).
CREATE TABLE "ExternalIdentity" (
    "id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "linkedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExternalIdentity_pkey" PRIMARY KEY ("id"),
    -- an issuer is an https URL (http only for a provider on this machine, as in development
    -- and tests), without query or fragment (OIDC Discovery 1.0, section 2)
    CONSTRAINT "ExternalIdentity_issuer_check" CHECK (
        "issuer" ~ '^(https://[^?#[:space:]]+|http://(localhost|127\.0\.0\.1)(:[0-9]+)?(/[^?#[:space:]]*)?)$'
        AND char_length("issuer") <= 2048
    ),
    -- sub: at most 255 ASCII characters, never empty (OIDC Core 1.0, section 2)
    CONSTRAINT "ExternalIdentity_subject_check" CHECK ("subject" ~ '^[\x21-\x7E]{1,255}$')
);

CREATE UNIQUE INDEX "ExternalIdentity_issuer_subject_key" ON "ExternalIdentity"("issuer", "subject");
CREATE UNIQUE INDEX "ExternalIdentity_userId_issuer_key" ON "ExternalIdentity"("userId", "issuer");
CREATE INDEX "ExternalIdentity_linkedById_idx" ON "ExternalIdentity"("linkedById");

ALTER TABLE "ExternalIdentity" ADD CONSTRAINT "ExternalIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExternalIdentity" ADD CONSTRAINT "ExternalIdentity_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
