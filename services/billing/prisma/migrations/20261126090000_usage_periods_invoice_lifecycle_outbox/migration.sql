-- Meters: who changed a price, and when.
ALTER TABLE "meters"
    ADD COLUMN "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "updated_by" TEXT;

-- Usage is attributed to its billing period (a calendar month in UTC) when it is recorded.
ALTER TABLE "usage_events"
    ADD COLUMN "period" TEXT,
    ADD COLUMN "idempotency_key" TEXT,
    ADD COLUMN "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "recorded_by" TEXT;

UPDATE "usage_events" SET "period" = to_char("occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM');

ALTER TABLE "usage_events" ALTER COLUMN "period" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "usage_events_customer_id_idempotency_key_key" ON "usage_events"("customer_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "usage_events_customer_id_period_meter_code_idx" ON "usage_events"("customer_id", "period", "meter_code");

-- Invoices: open until paid or voided, due some days after they are issued.
CREATE TYPE "invoice_status" AS ENUM ('open', 'paid', 'void');

ALTER TABLE "invoices"
    ADD COLUMN "status" "invoice_status" NOT NULL DEFAULT 'open',
    ADD COLUMN "issued_by" TEXT,
    ADD COLUMN "due_at" TIMESTAMPTZ(3),
    ADD COLUMN "paid_at" TIMESTAMPTZ(3),
    ADD COLUMN "payment_reference" TEXT,
    ADD COLUMN "voided_at" TIMESTAMPTZ(3),
    ADD COLUMN "void_reason" TEXT;

UPDATE "invoices" SET "due_at" = "issued_at" + INTERVAL '30 days';

ALTER TABLE "invoices" ALTER COLUMN "due_at" SET NOT NULL;

-- CreateIndex
CREATE INDEX "invoices_period_id_idx" ON "invoices"("period", "id");

-- CreateIndex
CREATE INDEX "invoices_status_id_idx" ON "invoices"("status", "id");

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" SERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "delivered_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_events_delivered_at_failed_at_available_at_idx" ON "outbox_events"("delivered_at", "failed_at", "available_at");
