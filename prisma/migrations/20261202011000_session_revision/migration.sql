-- AlterTable
ALTER TABLE "ProgrammeSession" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- Start from the old change counter (time, room and status changes), so that sessions that have
-- changed keep a SEQUENCE above that of sessions that have not.
UPDATE "ProgrammeSession" SET "revision" = "sequence";
