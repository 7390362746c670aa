-- The booking transaction of booking.book, in SQL, for pgbench (bench/run.ts runs it with
-- `pgbench -n -c 16 -j 2 -T <s> -D people=<n> -D sessions=<m> -f bench/pgbench-booking.sql <db>`,
-- n and m from bench/lib/data.ts: FIXTURE.pgPeople, FIXTURE.pgSessions). The k-th transaction
-- books person k mod n into session (person + k div n) mod m of the bench edition's pgbench rows
-- (bench/lib/data.ts: bookingPair), so no pair repeats and concurrent transactions spread over
-- the sessions, as the HTTP load does.
SELECT nextval('bench_pgbench_k') AS k \gset
\set p :k % :people
\set s (:p + :k / :people) % :sessions
BEGIN;
SELECT id FROM "User" WHERE id = 'bp-u-' || :p FOR UPDATE;
SELECT id FROM "ProgrammeSession" WHERE id = 'bp-s-' || :s FOR UPDATE;
UPDATE "ProgrammeSession" SET "bookedCount" = "bookedCount" + 1
  WHERE id = 'bp-s-' || :s AND ("capacity" IS NULL OR "bookedCount" < "capacity");
INSERT INTO "Booking" (id, "sessionId", "userId") VALUES ('bp-b-' || :k, 'bp-s-' || :s, 'bp-u-' || :p);
INSERT INTO "OutboxMessage" (id, kind, "to", subject, text, html)
  VALUES ('bp-m-' || :k, 'booking.confirmed', 'bp-' || :p || '@bench.test', 'Вы записаны на мероприятие',
          'Вы записаны на мероприятие форума.', '<p>Вы записаны на мероприятие форума.</p>');
COMMIT;
