-- Plan allowances: units per period each customer uses free of charge. Existing meters have none.
ALTER TABLE "meters" ADD COLUMN "included_units" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "meters" ADD CONSTRAINT "meters_included_units_check" CHECK ("included_units" >= 0);

-- Invoices issued before had no allowances.
ALTER TABLE "invoice_lines" ADD COLUMN "included_units" INTEGER NOT NULL DEFAULT 0;

-- Negotiated terms per customer and meter; NULL leaves the meter's own price or allowance.
CREATE TABLE "contract_terms" (
    "customer_id" TEXT NOT NULL,
    "meter_code" TEXT NOT NULL,
    "unit_price_cents" INTEGER,
    "included_units" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "contract_terms_pkey" PRIMARY KEY ("customer_id", "meter_code"),
    CONSTRAINT "contract_terms_unit_price_cents_check" CHECK ("unit_price_cents" >= 0),
    CONSTRAINT "contract_terms_included_units_check" CHECK ("included_units" >= 0)
);

ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_meter_code_fkey" FOREIGN KEY ("meter_code") REFERENCES "meters"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
