-- The forum days: check-in staff role, tickets (only a hash of each QR secret is stored), door scans
-- with device-made ids, and the per-session no-show release.
-- AlterEnum
ALTER TYPE "UserRole" ADD VALUE 'CHECKIN';

-- AlterTable
ALTER TABLE "ProgrammeSession" ADD COLUMN     "noShowReleaseMinutes" INTEGER,
ADD COLUMN     "noShowReleasedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "ticketId" TEXT NOT NULL,
    "day" TEXT,
    "sessionId" TEXT,
    "door" TEXT NOT NULL,
    "scannedAt" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "device" TEXT NOT NULL,
    "staffId" TEXT,
    "walkIn" BOOLEAN NOT NULL DEFAULT false,
    "undoneAt" TIMESTAMPTZ(3),

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_nonce_key" ON "Ticket"("nonce");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_secretHash_key" ON "Ticket"("secretHash");

-- CreateIndex
CREATE INDEX "Ticket_registrationId_idx" ON "Ticket"("registrationId");

-- CreateIndex
CREATE INDEX "CheckIn_door_scannedAt_idx" ON "CheckIn"("door", "scannedAt");

-- CreateIndex
CREATE INDEX "CheckIn_ticketId_door_idx" ON "CheckIn"("ticketId", "door");

-- CreateIndex
CREATE INDEX "CheckIn_syncedAt_idx" ON "CheckIn"("syncedAt");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgrammeSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One active ticket per registration: a reissue revokes the old one in the same transaction.
CREATE UNIQUE INDEX "Ticket_active_registration_key" ON "Ticket"("registrationId") WHERE "revokedAt" IS NULL;

-- A release time is a positive number of minutes.
ALTER TABLE "ProgrammeSession" ADD CONSTRAINT "ProgrammeSession_noShowReleaseMinutes_check" CHECK ("noShowReleaseMinutes" IS NULL OR "noShowReleaseMinutes" BETWEEN 1 AND 600);
