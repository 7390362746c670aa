-- CreateTable
CREATE TABLE "ScheduledJob" (
    "name" TEXT NOT NULL,
    "nextRunAt" TIMESTAMPTZ(3) NOT NULL,
    "lastRunAt" TIMESTAMPTZ(3),
    "lastRunBy" TEXT,

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("name")
);
