-- CreateTable
CREATE TABLE "TestClockOffset" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "offsetMs" BIGINT NOT NULL,

    CONSTRAINT "TestClockOffset_pkey" PRIMARY KEY ("id")
);

-- The one clock that decides deadlines, schedules and audit times: the database's.
-- Test databases (ALTER DATABASE ... SET segel.test_clock = 'on') may shift it with the
-- single row of "TestClockOffset", so end-to-end tests can pass days without sleeping.
CREATE OR REPLACE FUNCTION segel_now() RETURNS timestamptz
LANGUAGE sql VOLATILE AS $$
  SELECT clock_timestamp() + CASE
    WHEN current_setting('segel.test_clock', true) = 'on'
      THEN COALESCE((SELECT "offsetMs" FROM "TestClockOffset" WHERE id = 1), 0) * interval '1 millisecond'
    ELSE interval '0'
  END
$$;
