-- CreateTable
CREATE TABLE "stock_levels" (
    "sku" TEXT NOT NULL,
    "available" INTEGER NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stock_levels_pkey" PRIMARY KEY ("sku"),
    CONSTRAINT "stock_levels_available_check" CHECK ("available" >= 0)
);
