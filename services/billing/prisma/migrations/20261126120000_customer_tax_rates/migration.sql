-- Sales tax: a rate per customer, charged on an invoice's subtotal.
CREATE TABLE "customer_tax_rates" (
    "customer_id" TEXT NOT NULL,
    "rate_percent" DECIMAL(6,3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "customer_tax_rates_pkey" PRIMARY KEY ("customer_id")
);

-- Invoices keep the rate they were issued at; those issued before had no tax.
ALTER TABLE "invoices"
    ADD COLUMN "subtotal_cents" INTEGER,
    ADD COLUMN "tax_rate_percent" DECIMAL(6,3) NOT NULL DEFAULT 0,
    ADD COLUMN "tax_cents" INTEGER NOT NULL DEFAULT 0;

UPDATE "invoices" SET "subtotal_cents" = "total_cents";

ALTER TABLE "invoices" ALTER COLUMN "subtotal_cents" SET NOT NULL;
