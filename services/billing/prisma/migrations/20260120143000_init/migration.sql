-- CreateTable
CREATE TABLE "meters" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,

    CONSTRAINT "meters_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "usage_events" (
    "id" SERIAL NOT NULL,
    "customer_id" TEXT NOT NULL,
    "meter_code" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" SERIAL NOT NULL,
    "customer_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "total_cents" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_lines" (
    "id" SERIAL NOT NULL,
    "invoice_id" INTEGER NOT NULL,
    "meter_code" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_cents" INTEGER NOT NULL,
    "amount_cents" INTEGER NOT NULL,

    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "usage_events_customer_id_occurred_at_idx" ON "usage_events"("customer_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_customer_id_period_key" ON "invoices"("customer_id", "period");

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_meter_code_fkey" FOREIGN KEY ("meter_code") REFERENCES "meters"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The price list every environment starts with.
INSERT INTO "meters" ("code", "name", "unit_price_cents") VALUES
    ('api-requests', 'API requests, per thousand', 5),
    ('storage-gb-days', 'Storage, per GB-day', 2),
    ('seats', 'Seats, per seat-day', 30);
