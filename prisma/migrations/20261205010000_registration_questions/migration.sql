-- Organisers' own registration questions and the answers people give (issue 11).
-- CreateEnum
CREATE TYPE "QuestionKind" AS ENUM ('SHORT_TEXT', 'LONG_TEXT', 'ONE_CHOICE', 'MANY_CHOICES', 'YES_NO', 'DATE');

-- CreateTable
CREATE TABLE "RegistrationQuestion" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "kind" "QuestionKind" NOT NULL,
    "label" TEXT NOT NULL,
    "help" TEXT NOT NULL DEFAULT '',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "categories" "ParticipantCategory"[],
    "options" JSONB NOT NULL DEFAULT '[]',
    "position" INTEGER NOT NULL,
    "archivedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistrationQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationAnswer" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistrationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegistrationQuestion_editionId_position_idx" ON "RegistrationQuestion"("editionId", "position");

-- CreateIndex
CREATE INDEX "RegistrationAnswer_questionId_idx" ON "RegistrationAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationAnswer_registrationId_questionId_key" ON "RegistrationAnswer"("registrationId", "questionId");

-- AddForeignKey
ALTER TABLE "RegistrationQuestion" ADD CONSTRAINT "RegistrationQuestion_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationAnswer" ADD CONSTRAINT "RegistrationAnswer_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationAnswer" ADD CONSTRAINT "RegistrationAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "RegistrationQuestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
