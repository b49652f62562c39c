-- CreateTable
CREATE TABLE "languages" (
    "code" TEXT NOT NULL,
    "formal" TEXT NOT NULL,
    "casual" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "languages_pkey" PRIMARY KEY ("code")
);
