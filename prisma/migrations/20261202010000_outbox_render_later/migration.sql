-- Booking writes put only what a message is about into the outbox (kind, recipient, payload);
-- the mail worker renders subject and bodies afterwards, outside the seat lock. Rows written
-- rendered (every other kind) get renderedAt at insert, as before.
ALTER TABLE "OutboxMessage" ALTER COLUMN "subject" SET DEFAULT '',
  ALTER COLUMN "text" SET DEFAULT '',
  ALTER COLUMN "html" SET DEFAULT '',
  ADD COLUMN "payload" JSONB,
  ADD COLUMN "renderedAt" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;

CREATE INDEX "OutboxMessage_renderedAt_idx" ON "OutboxMessage"("renderedAt");
