package dev.forkcast.simulator;

import dev.forkcast.events.Event;
import dev.forkcast.events.EventType;
import dev.forkcast.events.Payload;
import dev.forkcast.simulator.city.CityMap;
import dev.forkcast.simulator.city.Courier;
import dev.forkcast.simulator.city.Customer;
import dev.forkcast.simulator.city.Restaurant;
import dev.forkcast.simulator.orders.OrderStory;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Turns what happens in the city into events and hands them to the outbox: an order's story becomes
 * its life-cycle events, its courier's location pings and its payment events.
 */
final class EventEmitter {

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    /** The part of the last leg spent walking to the door (the courier's phone stands still). */
    private static final long DOOR_MILLIS = 150 * SECOND;

    private final CityMap map;
    private final Outbox outbox;
    private final long pingIntervalMillis;
    /** Event ids have their own random stream, as do sensor readings: neither changes the world. */
    private final SplittableRandom ids;
    private final SplittableRandom sensors;

    EventEmitter(CityMap map, Outbox outbox, int pingIntervalSeconds, long idSeed, long sensorSeed) {
        this.map = map;
        this.outbox = outbox;
        this.pingIntervalMillis = pingIntervalSeconds * SECOND;
        this.ids = new SplittableRandom(idSeed);
        this.sensors = new SplittableRandom(sensorSeed);
    }

    void order(OrderStory o) {
        Customer c = o.customer();
        Restaurant r = o.restaurant();
        String orderId = o.orderId();
        submit(event(EventType.ORDER_PLACED, o.placedAtMillis(), orderId, c.id, r.id, null,
                new Payload.OrderPlaced(o.items(), o.basketCents(), map.lat(o.deliveryY()), map.lon(o.deliveryX()),
                        o.deliveryAddress(), c.device.id, c.device.platform, o.promoCode(), o.weather().wireName())),
                deviceClockError(c.device.id));
        submit(event(EventType.PAYMENT_AUTHORIZED, o.placedAtMillis() + 1500, orderId, c.id, null, null,
                new Payload.PaymentAuthorized(o.amountCents(), "EUR", c.cardFingerprint, c.cardCountry,
                        c.device.platform.equals("ios") ? "apple_pay" : "card")), 0);
        if (o.acceptedAtMillis() >= 0) {
            submit(event(EventType.ORDER_ACCEPTED, o.acceptedAtMillis(), orderId, null, r.id, null,
                    new Payload.OrderAccepted((int) Math.round(r.basePrepMinutes),
                            o.plannedAtMillis(o.plan().readyMinutes()))), 0);
        }
        if (o.cancelled()) {
            submit(event(EventType.ORDER_CANCELLED, o.cancelledAtMillis(), orderId, c.id, r.id, null,
                    new Payload.OrderCancelled(o.cancelledBy(), o.cancelReason())), 0);
            return;
        }
        Courier courier = o.courier();
        submit(event(EventType.COURIER_ASSIGNED, o.assignedAtMillis(), orderId, null, r.id, courier.id,
                new Payload.CourierAssigned(courier.vehicle.wireName(), map.lat(o.courierStartY()),
                        map.lon(o.courierStartX()), o.plannedAtMillis(o.plan().deliveredMinutes()),
                        map.lat(o.deliveryY()), map.lon(o.deliveryX()))), 0);
        pings(o);
        submit(event(EventType.ORDER_PICKED_UP, o.pickedUpAtMillis(), orderId, null, r.id, courier.id,
                new Payload.OrderPickedUp()), 0);
        submit(event(EventType.ORDER_DELIVERED, o.deliveredAtMillis(), orderId, c.id, r.id, courier.id,
                new Payload.OrderDelivered()), 0);
        if (o.refundAtMillis() >= 0) {
            submit(event(EventType.REFUND_REQUESTED, o.refundAtMillis(), orderId, c.id, null, null,
                    new Payload.RefundRequested(o.basketCents(), o.refundReason())), deviceClockError(c.device.id));
        }
        if (o.chargebackAtMillis() >= 0) {
            String reason = switch (o.fraudPattern()) {
                case "refund_abuse" -> "item_not_received";
                case "account_farm" -> "unauthorised_use";
                default -> "fraud_card_not_present";
            };
            submit(event(EventType.CHARGEBACK_RECEIVED, o.chargebackAtMillis(), orderId, c.id, null, null,
                    new Payload.ChargebackReceived(o.amountCents(), reason)), 0);
        }
    }

    void customerSignedUp(Customer c) {
        submit(event(EventType.CUSTOMER_SIGNED_UP, c.signedUpAtMillis, null, c.id, null, null,
                new Payload.CustomerSignedUp(c.name, c.email, c.phone, c.homeAddress, map.lat(c.homeY),
                        map.lon(c.homeX), c.device.id, c.device.platform, c.referralCode)), 0);
    }

    void restaurantJoined(Restaurant r, long atMillis) {
        submit(event(EventType.RESTAURANT_JOINED, atMillis, null, null, r.id, null,
                new Payload.RestaurantJoined(r.name, r.cuisine.wireName(), r.priceLevel, map.lat(r.y), map.lon(r.x),
                        CityMap.zoneId(r.zone), r.kitchenCapacity, (int) Math.round(r.basePrepMinutes))), 0);
    }

    void courierJoined(Courier c, long atMillis) {
        submit(event(EventType.COURIER_JOINED, atMillis, null, null, null, c.id,
                new Payload.CourierJoined(c.vehicle.wireName(), CityMap.zoneId(c.homeZone), c.shift.wireName())), 0);
    }

    void shiftStarted(Courier c, long atMillis) {
        submit(event(EventType.COURIER_SHIFT_STARTED, atMillis, null, null, null, c.id,
                new Payload.CourierShiftStarted(CityMap.zoneId(map.zoneIndex(c.x, c.y)), map.lat(c.y), map.lon(c.x))),
                0);
    }

    void shiftEnded(Courier c, long atMillis) {
        submit(event(EventType.COURIER_SHIFT_ENDED, atMillis, null, null, null, c.id,
                new Payload.CourierShiftEnded(c.jobsThisShift)), 0);
    }

    /** A phone's clock error, fixed per device so a wrong clock is consistently wrong (1 to 15 minutes). */
    static long deviceClockError(String deviceId) {
        int h = deviceId.hashCode() * 0x9E3779B1;
        long minutes = 1 + Math.floorMod(h >>> 4, 15);
        return (h & 1) == 0 ? minutes * MINUTE : -minutes * MINUTE;
    }

    /**
     * The courier's phone reports its position every ping interval from setting off to the door:
     * riding to the restaurant, waiting there, riding to the customer, walking to the door.
     */
    private void pings(OrderStory o) {
        Courier courier = o.courier();
        Restaurant r = o.restaurant();
        long start = Math.min(o.departAtMillis(), o.arriveAtMillis());
        long rideEnd = Math.max(o.pickedUpAtMillis(), o.deliveredAtMillis() - DOOR_MILLIS);
        long clockError = courier.clockErrorMillis;
        int battery = Math.max(5, 96 - courier.jobsThisShift * 4);
        for (long t = start; t < o.deliveredAtMillis(); t += pingIntervalMillis) {
            double x;
            double y;
            String status;
            double speed;
            if (t < o.arriveAtMillis()) {
                double f = (double) (t - start) / (o.arriveAtMillis() - start);
                x = o.courierStartX() + f * (r.x - o.courierStartX());
                y = o.courierStartY() + f * (r.y - o.courierStartY());
                status = "to_restaurant";
                speed = o.plan().rideKmh() * (0.85 + 0.3 * sensors.nextDouble());
            } else if (t < o.pickedUpAtMillis()) {
                x = r.x;
                y = r.y;
                status = "at_restaurant";
                speed = 0;
            } else if (t < rideEnd) {
                double f = (double) (t - o.pickedUpAtMillis()) / (rideEnd - o.pickedUpAtMillis());
                x = r.x + f * (o.deliveryX() - r.x);
                y = r.y + f * (o.deliveryY() - r.y);
                status = "to_customer";
                speed = o.plan().rideKmh() * (0.85 + 0.3 * sensors.nextDouble());
            } else {
                x = o.deliveryX();
                y = o.deliveryY();
                status = "at_customer";
                speed = 0;
            }
            // GPS is good to about ten metres.
            x += sensors.nextGaussian() * 0.01;
            y += sensors.nextGaussian() * 0.01;
            submit(event(EventType.COURIER_LOCATION_PINGED, t, o.orderId(), null, null, courier.id,
                    new Payload.CourierLocationPinged(map.lat(y), map.lon(x), status, speed, 3 + sensors.nextInt(22),
                            battery)), clockError);
        }
    }

    private Event event(EventType type, long atMillis, String orderId, String customerId, String restaurantId,
                        String courierId, Payload payload) {
        // A version-4 UUID from our own stream: unique, and the same for the same seed.
        long high = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long low = (ids.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new Event(new UUID(high, low).toString(), type, Event.CURRENT_SCHEMA_VERSION, atMillis, orderId,
                customerId, restaurantId, courierId, payload);
    }

    private void submit(Event event, long deviceClockError) {
        outbox.submit(event, deviceClockError);
    }
}
