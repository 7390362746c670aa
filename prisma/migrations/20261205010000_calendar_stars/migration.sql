-- Whether starred sessions go into the person's own calendar as free, tentative time, or are left out (issue 11).
ALTER TABLE "User" ADD COLUMN "calendarStars" BOOLEAN NOT NULL DEFAULT true;
