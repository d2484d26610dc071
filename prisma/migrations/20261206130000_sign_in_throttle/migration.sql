-- The sign-in throttle's counters (src/modules/auth/server/sign-in-limiter.ts), in the
-- layout rate-limiter-flexible expects. Made here rather than by the library at run time,
-- because the application's role may not create schemas or tables. A schema of its own:
-- Prisma compares only "public" with the migrations, so schema.prisma does not list it.
CREATE SCHEMA IF NOT EXISTS rate_limit;

CREATE TABLE IF NOT EXISTS rate_limit.sign_in (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);

-- segel_app is made by 20261206090000_application_role; on a database migrated before
-- that role existed there is no one to grant to.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'segel_app') THEN
    GRANT USAGE ON SCHEMA rate_limit TO segel_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit.sign_in TO segel_app;
  END IF;
END $$;
