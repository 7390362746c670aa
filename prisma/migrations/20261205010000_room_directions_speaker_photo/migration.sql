-- How to get to a room, and speakers' photos (issue 11).
ALTER TABLE "Room" ADD COLUMN "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN "mapUrl" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SpeakerPhoto" (
    "speakerId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "large" BYTEA NOT NULL,
    "small" BYTEA NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SpeakerPhoto_pkey" PRIMARY KEY ("speakerId")
);

-- AddForeignKey
ALTER TABLE "SpeakerPhoto" ADD CONSTRAINT "SpeakerPhoto_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;
