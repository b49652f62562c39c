-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "phone" TEXT,
ADD COLUMN     "referred_by" UUID;

-- CreateIndex
CREATE INDEX "accounts_referred_by_idx" ON "accounts"("referred_by");
