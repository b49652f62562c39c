-- The events of one product, newest first: GET /outbox/events?sku=
CREATE INDEX "outbox_events_sku_id_idx" ON "outbox_events"("sku", "id");
