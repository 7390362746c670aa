-- One counter for everything a guest page shows of the programme: every audited change (each
-- organiser and admin write is audited in its own transaction) moves it, and every app instance
-- drops its cached guest pages when it sees it move (scripts/page-cache.mjs). The row is made by
-- the first change (no row: version 0), so a fresh database holds no data.
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id")
);
