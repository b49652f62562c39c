-- AlterTable: the provider's fee for each payment, in the payment's currency (events recorded before it: 0).
ALTER TABLE "provider_events" ADD COLUMN "fee" DECIMAL(12,2) NOT NULL DEFAULT 0;
