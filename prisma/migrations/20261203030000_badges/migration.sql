-- Badges: when a ticket's badge was printed (the «not yet printed» filter, reprints marked).
ALTER TABLE "Ticket" ADD COLUMN "badgePrintedAt" TIMESTAMPTZ(3);
