-- The booking transaction of booking.book, in SQL, for pgbench (bench/run.ts runs it with
-- `pgbench -n -c 16 -j 2 -T <s> -f bench/pgbench-booking.sql <database>`). The k-th transaction
-- books person k mod 2000 into session (person + k div 2000) mod 20 of the bench edition's pgbench
-- rows (bench/lib/data.ts: FIXTURE.pgPeople, FIXTURE.pgSessions), so no pair repeats and
-- concurrent transactions spread over the sessions, as the HTTP load does.
SELECT nextval('bench_pgbench_k') AS k \gset
\set p :k % 2000
\set s (:p + :k / 2000) % 20
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
