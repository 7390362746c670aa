-- The language and own time zone a signed-in person chose (issue 13).
ALTER TABLE "User" ADD COLUMN "locale" TEXT,
ADD COLUMN "timeZone" TEXT;
