-- Indexes for the online feature lookups (dev.forkcast.warehouse.features.DeliveryTimeLookup and
-- FraudLookup), which compute a new order's history features at request time with the ETL's definitions.

-- fleet_orders_last_30m counts the placements the whole city received in the last 30 minutes. No existing
-- index leads with a receive time (fct_orders has placed_at only behind restaurant_id or customer_id), so
-- without this one every request would scan all order events. Partial: only placements are ever asked for,
-- a sixth of the table.
CREATE INDEX order_events_placed_received_idx ON staging.order_events (received_at) WHERE event_type = 'order_placed';

-- accounts_on_device counts the accounts that signed up on the ordering device: one device, a few accounts,
-- found by the device instead of by scanning every customer.
CREATE INDEX customers_device_idx ON staging.customers (device_id, signed_up_at);
