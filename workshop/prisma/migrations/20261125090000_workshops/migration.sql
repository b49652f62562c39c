-- CreateEnum
CREATE TYPE "WorkshopMode" AS ENUM ('individual', 'team');

-- CreateEnum
CREATE TYPE "WorkshopStatus" AS ENUM ('draft', 'running', 'paused', 'ended');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('queued', 'grading', 'passed', 'failed', 'error');

-- CreateTable
CREATE TABLE "facilitator_tokens" (
    "id" SERIAL NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "facilitator_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workshops" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "join_code" TEXT NOT NULL,
    "mode" "WorkshopMode" NOT NULL,
    "scenarios" TEXT[],
    "duration_minutes" INTEGER NOT NULL,
    "freeze_minutes" INTEGER NOT NULL DEFAULT 0,
    "scoring" JSONB NOT NULL,
    "status" "WorkshopStatus" NOT NULL DEFAULT 'draft',
    "round" INTEGER NOT NULL DEFAULT 1,
    "started_at" TIMESTAMP(3),
    "paused_at" TIMESTAMP(3),
    "paused_ms" INTEGER NOT NULL DEFAULT 0,
    "frozen_at_ms" INTEGER,
    "ended_at" TIMESTAMP(3),
    "ended_at_ms" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workshops_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participants" (
    "id" TEXT NOT NULL,
    "workshop_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "team" TEXT,
    "token_hash" TEXT NOT NULL,
    "joined_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "participants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submissions" (
    "id" TEXT NOT NULL,
    "workshop_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "participant_id" TEXT NOT NULL,
    "entrant" TEXT NOT NULL,
    "scenario" TEXT NOT NULL,
    "diff" TEXT NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "elapsed_ms" INTEGER NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "graded_by" TEXT,
    "grading_started_at" TIMESTAMP(3),
    "graded_at" TIMESTAMP(3),
    "report" JSONB,

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hint_uses" (
    "id" SERIAL NOT NULL,
    "workshop_id" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "participant_id" TEXT NOT NULL,
    "entrant" TEXT NOT NULL,
    "scenario" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "elapsed_ms" INTEGER NOT NULL,

    CONSTRAINT "hint_uses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "facilitator_tokens_token_hash_key" ON "facilitator_tokens"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "workshops_join_code_key" ON "workshops"("join_code");

-- CreateIndex
CREATE UNIQUE INDEX "participants_token_hash_key" ON "participants"("token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "participants_workshop_id_round_name_key" ON "participants"("workshop_id", "round", "name");

-- CreateIndex
CREATE INDEX "submissions_workshop_id_round_status_idx" ON "submissions"("workshop_id", "round", "status");

-- CreateIndex
CREATE UNIQUE INDEX "hint_uses_workshop_id_round_entrant_scenario_index_key" ON "hint_uses"("workshop_id", "round", "entrant", "scenario", "index");

-- AddForeignKey
ALTER TABLE "participants" ADD CONSTRAINT "participants_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hint_uses" ADD CONSTRAINT "hint_uses_workshop_id_fkey" FOREIGN KEY ("workshop_id") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hint_uses" ADD CONSTRAINT "hint_uses_participant_id_fkey" FOREIGN KEY ("participant_id") REFERENCES "participants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
