-- CreateTable
CREATE TABLE "outbox_events" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "order_id" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_token" TEXT,
    "leased_until" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3),
    "failed_at" TIMESTAMP(3),
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_delivered_at_failed_at_next_attempt_at_idx" ON "outbox_events"("delivered_at", "failed_at", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_events_order_id_idx" ON "outbox_events"("order_id");

-- CreateIndex
CREATE INDEX "outbox_events_lease_token_idx" ON "outbox_events"("lease_token");
