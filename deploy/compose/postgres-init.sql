-- Run once by the postgres image on an empty volume: the portal's restricted role with a
-- login (docs/decisions/0013). The migrations then grant it what it may do. Change the
-- password here and in DATABASE_URL (docker-compose.yml) for anything but a trial.
CREATE ROLE segel_app LOGIN PASSWORD 'segel-app';
