package dev.forkcast.events;

import java.util.List;

/**
 * The typed part of each event. One record per event type; field names on the wire are snake_case.
 * Fields listed by {@link #optionalFields()} may be absent (an old app version, a sensor that did not
 * report): consumers must cope. Everything else is required.
 */
public sealed interface Payload {

    /** Writes this payload's fields into an open JSON object, leaving out {@code omittedField} if optional. */
    void writeFields(JsonWriter json, String omittedField);

    /** The payload fields a producer may leave out. */
    default List<String> optionalFields() {
        return List.of();
    }

    /** One line of a basket. */
    record OrderItem(String itemId, int quantity, long unitPriceCents) {
    }

    /** A customer placed an order in the app. {@code promo_code} is null when none was used. */
    record OrderPlaced(
            List<OrderItem> items,
            long basketValueCents,
            double deliveryLat,
            double deliveryLon,
            String deliveryAddress,
            String deviceId,
            String platform,
            String promoCode,
            String weather) implements Payload {

        private static final List<String> OPTIONAL = List.of("platform", "weather");

        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.beginArray("items");
            for (OrderItem item : items) {
                json.beginObject()
                        .field("item_id", item.itemId())
                        .field("quantity", item.quantity())
                        .field("unit_price_cents", item.unitPriceCents())
                        .endObject();
            }
            json.endArray()
                    .field("basket_value_cents", basketValueCents)
                    .fixed("delivery_lat", deliveryLat, 6)
                    .fixed("delivery_lon", deliveryLon, 6)
                    .field("delivery_address", deliveryAddress)
                    .field("device_id", deviceId)
                    .field("platform", "platform".equals(omittedField) ? null : platform)
                    .field("promo_code", promoCode)
                    .field("weather", "weather".equals(omittedField) ? null : weather);
        }

        @Override
        public List<String> optionalFields() {
            return OPTIONAL;
        }
    }

    /**
     * The restaurant accepted the order, quoted its usual preparation time and scheduled it in the
     * kitchen: {@code expected_ready_at} is when the kitchen plans the food to be ready (its schedule,
     * not what will really happen). Added after version 1 went out, hence optional in the contract.
     */
    record OrderAccepted(int quotedPrepMinutes, long expectedReadyAtMillis) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("quoted_prep_minutes", quotedPrepMinutes)
                    .timestamp("expected_ready_at", expectedReadyAtMillis);
        }
    }

    /**
     * Dispatch gave the order to a courier, who was at (or finishing a job at) {@code courier_lat/lon}.
     * The dispatcher's plan for the job rides along, as real dispatch systems publish it: the courier
     * should hand the food over at {@code dropoff_lat/lon} around {@code expected_dropoff_at}, and is
     * free for the next job from there and then. The plan fields were added after version 1, hence
     * optional in the contract.
     */
    record CourierAssigned(String vehicle, double courierLat, double courierLon, long expectedDropoffAtMillis,
                           double dropoffLat, double dropoffLon) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("vehicle", vehicle)
                    .fixed("courier_lat", courierLat, 6)
                    .fixed("courier_lon", courierLon, 6)
                    .timestamp("expected_dropoff_at", expectedDropoffAtMillis)
                    .fixed("dropoff_lat", dropoffLat, 6)
                    .fixed("dropoff_lon", dropoffLon, 6);
        }
    }

    /** The courier left the restaurant with the food. */
    record OrderPickedUp() implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
        }
    }

    /** The food reached the customer. */
    record OrderDelivered() implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
        }
    }

    /** The order was cancelled before pickup; {@code cancelled_by} is customer, restaurant or platform. */
    record OrderCancelled(String cancelledBy, String reason) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("cancelled_by", cancelledBy).field("reason", reason);
        }
    }

    /** The courier app reported its position while on a job. */
    record CourierLocationPinged(
            double lat, double lon, String jobStatus, double speedKmh, int accuracyMeters, int batteryPercent)
            implements Payload {

        private static final List<String> OPTIONAL = List.of("accuracy_m", "battery_pct");

        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.fixed("lat", lat, 6)
                    .fixed("lon", lon, 6)
                    .field("job_status", jobStatus)
                    .fixed("speed_kmh", speedKmh, 1);
            if (!"accuracy_m".equals(omittedField)) {
                json.field("accuracy_m", accuracyMeters);
            }
            if (!"battery_pct".equals(omittedField)) {
                json.field("battery_pct", batteryPercent);
            }
        }

        @Override
        public List<String> optionalFields() {
            return OPTIONAL;
        }
    }

    /**
     * A courier started a shift and became available for jobs, at {@code lat/lon} (home, or where the
     * last job ends when one is still under way). The position was added after version 1, hence
     * optional in the contract.
     */
    record CourierShiftStarted(String zoneId, double lat, double lon) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("zone_id", zoneId)
                    .fixed("lat", lat, 6)
                    .fixed("lon", lon, 6);
        }
    }

    /** A courier ended a shift. */
    record CourierShiftEnded(int jobsCompleted) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("jobs_completed", jobsCompleted);
        }
    }

    /** The payment provider authorised the order's amount on the customer's card. */
    record PaymentAuthorized(
            long amountCents, String currency, String cardFingerprint, String cardCountry, String paymentMethod)
            implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("amount_cents", amountCents)
                    .field("currency", currency)
                    .field("card_fingerprint", cardFingerprint)
                    .field("card_country", cardCountry)
                    .field("payment_method", paymentMethod);
        }
    }

    /** After delivery the customer asked for money back. */
    record RefundRequested(long amountCents, String reason) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("amount_cents", amountCents).field("reason", reason);
        }
    }

    /** Days later the card's bank disputed the payment: the platform's delayed fraud label. */
    record ChargebackReceived(long amountCents, String reasonCode) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("amount_cents", amountCents).field("reason_code", reasonCode);
        }
    }

    /** A new customer account. Name, email, phone and address are personal data (pseudonymised in staging). */
    record CustomerSignedUp(
            String name,
            String email,
            String phone,
            String homeAddress,
            double homeLat,
            double homeLon,
            String deviceId,
            String platform,
            String referralCode) implements Payload {

        private static final List<String> OPTIONAL = List.of("platform");

        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("name", name)
                    .field("email", email)
                    .field("phone", phone)
                    .field("home_address", homeAddress)
                    .fixed("home_lat", homeLat, 6)
                    .fixed("home_lon", homeLon, 6)
                    .field("device_id", deviceId)
                    .field("platform", "platform".equals(omittedField) ? null : platform)
                    .field("referral_code", referralCode);
        }

        @Override
        public List<String> optionalFields() {
            return OPTIONAL;
        }
    }

    /** A restaurant joined the platform. */
    record RestaurantJoined(
            String name, String cuisine, int priceLevel, double lat, double lon, String zoneId,
            int kitchenCapacity, int quotedPrepMinutes) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("name", name)
                    .field("cuisine", cuisine)
                    .field("price_level", priceLevel)
                    .fixed("lat", lat, 6)
                    .fixed("lon", lon, 6)
                    .field("zone_id", zoneId)
                    .field("kitchen_capacity", kitchenCapacity)
                    .field("quoted_prep_minutes", quotedPrepMinutes);
        }
    }

    /** A courier joined the fleet. */
    record CourierJoined(String vehicle, String homeZoneId, String shiftPattern) implements Payload {
        @Override
        public void writeFields(JsonWriter json, String omittedField) {
            json.field("vehicle", vehicle).field("home_zone_id", homeZoneId).field("shift_pattern", shiftPattern);
        }
    }
}
