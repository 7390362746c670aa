-- CreateEnum
CREATE TYPE "ProgrammeChangeKind" AS ENUM ('PUBLISHED', 'RESCHEDULED', 'MOVED', 'UPDATED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MeetingTopic" AS ENUM ('LABOUR_MARKET', 'CONTENT_QUALITY', 'CAREER_GUIDANCE', 'PARTNERSHIP');

-- CreateEnum
CREATE TYPE "DelegateRole" AS ENUM ('HEAD', 'MEMBER');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('SUBMITTED', 'RESERVE', 'ACCREDITED', 'DECLINED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Edition" ADD COLUMN     "meetingDefaultQuota" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "meetingMaterials" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "meetingReserveEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "meetingSessionId" TEXT;

-- AlterTable
ALTER TABLE "ProgrammeSession" ADD COLUMN     "publishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OrganiserTrackScope" (
    "userId" TEXT NOT NULL,
    "trackId" TEXT NOT NULL,

    CONSTRAINT "OrganiserTrackScope_pkey" PRIMARY KEY ("userId","trackId")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgrammeChange" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "sessionId" TEXT,
    "kind" "ProgrammeChangeKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgrammeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegionQuota" (
    "editionId" TEXT NOT NULL,
    "regionId" INTEGER NOT NULL,
    "quota" INTEGER NOT NULL,

    CONSTRAINT "RegionQuota_pkey" PRIMARY KEY ("editionId","regionId")
);

-- CreateTable
CREATE TABLE "MeetingApplication" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "regionId" INTEGER NOT NULL,
    "authorityName" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "role" "DelegateRole" NOT NULL,
    "topic" "MeetingTopic",
    "question" TEXT,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "declineReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "replacesId" TEXT,
    "substituteUserId" TEXT,
    "substituteNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrganiserTrackScope_trackId_idx" ON "OrganiserTrackScope"("trackId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "ProgrammeChange_editionId_createdAt_idx" ON "ProgrammeChange"("editionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingApplication_replacesId_key" ON "MeetingApplication"("replacesId");

-- CreateIndex
CREATE INDEX "MeetingApplication_editionId_regionId_status_idx" ON "MeetingApplication"("editionId", "regionId", "status");

-- CreateIndex
CREATE INDEX "MeetingApplication_editionId_status_idx" ON "MeetingApplication"("editionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingApplication_editionId_userId_key" ON "MeetingApplication"("editionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Edition_meetingSessionId_key" ON "Edition"("meetingSessionId");

-- AddForeignKey
ALTER TABLE "OrganiserTrackScope" ADD CONSTRAINT "OrganiserTrackScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganiserTrackScope" ADD CONSTRAINT "OrganiserTrackScope_trackId_fkey" FOREIGN KEY ("trackId") REFERENCES "Track"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeChange" ADD CONSTRAINT "ProgrammeChange_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgrammeChange" ADD CONSTRAINT "ProgrammeChange_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ProgrammeSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionQuota" ADD CONSTRAINT "RegionQuota_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegionQuota" ADD CONSTRAINT "RegionQuota_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingApplication" ADD CONSTRAINT "MeetingApplication_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingApplication" ADD CONSTRAINT "MeetingApplication_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingApplication" ADD CONSTRAINT "MeetingApplication_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingApplication" ADD CONSTRAINT "MeetingApplication_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "MeetingApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

