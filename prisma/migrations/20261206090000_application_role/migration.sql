-- The application connects as segel_app; the migrations run as the owner of the tables
-- (docs/decisions/0013-database-roles.md). segel_app reads and writes the working tables
-- but may only append to the audit trail, and owns nothing: it cannot alter, drop or
-- disable the triggers of a table, nor replace segel_now().

-- Roles are cluster-wide and a password does not belong in a migration: the role is made
-- without LOGIN; `npm start` gives it LOGIN on the embedded PostgreSQL, the DBA on any other
-- server creates it beforehand (README, "Database roles"), and then it is left as it is.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'segel_app') THEN
    CREATE ROLE segel_app NOLOGIN;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE EXCEPTION 'The role segel_app does not exist and % may not create roles.', current_user
    USING HINT = 'Create it once as a superuser: CREATE ROLE segel_app LOGIN PASSWORD ''...''; (README, "Database roles").';
END $$;

-- Today's tables, sequences and functions, and (ALTER DEFAULT PRIVILEGES) those that later
-- migrations create as this same owner. No TRUNCATE, REFERENCES or TRIGGER; and no UPDATE
-- on sequences, so the app cannot setval() one back.
DO $$
DECLARE
  s text := quote_ident(current_schema());
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO segel_app', s);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO segel_app', s);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %s TO segel_app', s);
  EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %s TO segel_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO segel_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT USAGE, SELECT ON SEQUENCES TO segel_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT EXECUTE ON FUNCTIONS TO segel_app', s);
END $$;

-- The audit trail is append-only for the app (issue 8): INSERT and SELECT, nothing else.
-- SELECT ... FOR UPDATE needs UPDATE as well, so the app cannot lock its rows either.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM segel_app;

-- segel_now() only reads the test clock's offset; only a test harness, as the owner,
-- moves it (docs/decisions/0006-database-clock.md).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "TestClockOffset" FROM segel_app;

-- The migration history belongs to whoever migrates. (Prisma makes the table before the
-- first migration; a shadow database of `migrate diff` may have none.)
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM segel_app;
  END IF;
END $$;
