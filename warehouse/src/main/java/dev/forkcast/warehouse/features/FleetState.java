package dev.forkcast.warehouse.features;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The fleet as the platform knows it from the events it has received: who is logged in, where and when
 * each courier will be free (the dispatcher's plan, published in {@code courier_assigned}), and from that
 * the soonest any courier could reach a restaurant. Replayed event by event in receive order, it answers
 * what a dispatcher would have answered at any instant. One class for the trainer's features and the
 * server's, so the two cannot disagree on what "the soonest courier" means.
 *
 * <p>The rules (each a decision, written down):
 * <ul>
 *   <li>Per courier, the newest shift event (by event time, then event id) decides whether the courier is
 *       logged in, and the newest assignment where and when the current job ends. A late event never
 *       rolls the state back, and the answer does not depend on the order events arrived in.</li>
 *   <li>A logged-in courier is free at the later of the log-in and the last job's expected drop-off, at the
 *       position of whichever of the two events is newer.</li>
 *   <li>The ride to the restaurant is the straight-line distance times {@link #ROAD_FACTOR} at the
 *       vehicle's speed for the hour and weather, which the caller gives as a function from vehicle to
 *       km/h ({@link RideSpeeds#forOrder}; null when unknown: that courier cannot be timed and is left out
 *       of the choice).</li>
 *   <li>A just-placed order whose assignment has not arrived yet has taken someone: {@link #placed}
 *       reserves its soonest courier until that assignment arrives or {@link #RESERVATION} has passed
 *       (dispatch announces within seconds; a cancelled order never does).</li>
 * </ul>
 */
public final class FleetState {

    /**
     * How far back a replay must start to know the fleet at an instant: a courier's state depends on its
     * latest log-in and the jobs since, and no shift lasts over 12 hours. The API replays this much
     * before a request; {@code OnlineFeaturesIT} proves it gives the ETL's full-history values.
     */
    public static final Duration LOOKBACK = Duration.ofHours(16);

    /** How long a placed order holds its likely courier while its assignment is on its way. */
    public static final Duration RESERVATION = Duration.ofSeconds(30);

    /** Streets are not straight: a ride is about this much longer than the crow flies. */
    public static final double ROAD_FACTOR = 1.35;

    /**
     * The soonest courier for a restaurant at an instant, how fast that courier rides (the speed the choice
     * was timed with), and how much of the fleet is logged in and idle.
     *
     * <p>Also the soonest courier on <em>another vehicle</em> than the soonest one's: how much later it could
     * arrive and how fast it rides. The replay cannot be sure it picked the dispatcher's courier (orders
     * placed in the same seconds, positions rounded to 100 m, learned speeds), and when a car and a bike are
     * nearly tied the ride to the door differs by minutes: with the runner-up beside it, a model can hedge.
     * Null when every available courier rides the same vehicle.
     */
    public record Soonest(String courierId, Double arrivalMinutes, Double waitMinutes, Double distanceKm,
                          String vehicle, Double speedKmh, int availableCouriers, int idleCouriers,
                          Double otherVehicleArrivalMinutes, Double otherVehicleSpeedKmh) {

        /**
         * {@code courier_ride_minutes_estimate}: minutes for this courier to ride {@code distanceKm} (as the
         * crow flies) from the restaurant to the door at the speed it was chosen with; null when either is unknown.
         */
        public Double rideMinutesEstimate(Double distanceKm) {
            return distanceKm == null || speedKmh == null ? null : rideMinutes(distanceKm, speedKmh);
        }

        /** {@code courier_other_vehicle_gap_minutes}: how much later the other vehicle's soonest could arrive. */
        public Double otherVehicleGapMinutes() {
            return otherVehicleArrivalMinutes == null ? null : otherVehicleArrivalMinutes - arrivalMinutes;
        }

        /** {@code courier_other_vehicle_ride_minutes_estimate}: {@link #rideMinutesEstimate} at the other vehicle's speed. */
        public Double otherVehicleRideMinutesEstimate(Double distanceKm) {
            return distanceKm == null || otherVehicleSpeedKmh == null ? null : rideMinutes(distanceKm, otherVehicleSpeedKmh);
        }
    }

    /** The soonest arrival of one vehicle kind while looking through the fleet. */
    private record VehicleBest(String vehicle, double arrival, double speed) {
    }

    private static final class Courier {
        final String id;
        String vehicle;
        boolean loggedIn;
        Instant shiftEventAt;
        String shiftEventId;
        Instant loggedInAt;
        Double loginLat;
        Double loginLon;
        Instant jobEventAt;
        String jobEventId;
        Instant jobFreeAt;
        Double jobLat;
        Double jobLon;
        String reservedFor;
        Instant reservedUntil;

        Courier(String id) {
            this.id = id;
        }
    }

    private final Map<String, Courier> couriers = new HashMap<>();
    private final Map<String, Courier> reservations = new HashMap<>();

    /** A received {@code courier_shift_started} (the position is null when the event left it out). */
    public void shiftStarted(String eventId, String courierId, String vehicle, Instant eventAt, Double lat, Double lon) {
        Courier c = courier(courierId, vehicle);
        if (!isNewer(eventAt, eventId, c.shiftEventAt, c.shiftEventId)) {
            return;
        }
        c.shiftEventAt = eventAt;
        c.shiftEventId = eventId;
        c.loggedIn = true;
        c.loggedInAt = eventAt;
        c.loginLat = lat;
        c.loginLon = lon;
    }

    /** A received {@code courier_shift_ended}: no new jobs for this courier. */
    public void shiftEnded(String eventId, String courierId, Instant eventAt) {
        Courier c = courier(courierId, null);
        if (!isNewer(eventAt, eventId, c.shiftEventAt, c.shiftEventId)) {
            return;
        }
        c.shiftEventAt = eventAt;
        c.shiftEventId = eventId;
        c.loggedIn = false;
    }

    /**
     * A received {@code courier_assigned} with the dispatcher's plan (its fields may be null in events from
     * before the plan was published). Ends the order's reservation, if it holds one.
     */
    public void assigned(String eventId, String orderId, String courierId, String vehicle, Instant eventAt,
                         Instant expectedDropoffAt, Double dropoffLat, Double dropoffLon) {
        release(orderId);
        Courier c = courier(courierId, vehicle);
        if (!isNewer(eventAt, eventId, c.jobEventAt, c.jobEventId)) {
            return;
        }
        c.jobEventAt = eventAt;
        c.jobEventId = eventId;
        c.jobFreeAt = expectedDropoffAt;
        c.jobLat = dropoffLat;
        c.jobLon = dropoffLon;
    }

    /**
     * A received {@code order_placed} for a restaurant at (lat, lon): the soonest courier as the order saw
     * the fleet, who is then reserved for it (see the class rules).
     */
    public Soonest placed(String orderId, double lat, double lon, Instant at, Function<String, Double> speedKmh) {
        Soonest soonest = soonestAt(lat, lon, at, speedKmh);
        if (soonest.courierId() != null) {
            Courier c = couriers.get(soonest.courierId());
            release(c.reservedFor);
            c.reservedFor = orderId;
            c.reservedUntil = at.plus(RESERVATION);
            reservations.put(orderId, c);
        }
        return soonest;
    }

    /**
     * The logged-in courier, not reserved at {@code at}, with a known position and speed, who could reach
     * (lat, lon) soonest; ties go to the smaller courier id.
     */
    public Soonest soonestAt(double lat, double lon, Instant at, Function<String, Double> speedKmh) {
        int available = 0;
        int idle = 0;
        Courier best = null;
        double bestArrival = Double.POSITIVE_INFINITY;
        double bestWait = 0;
        double bestKm = 0;
        double bestSpeed = 0;
        // A handful of vehicle kinds: a map per question costs nothing next to the loop over the fleet.
        Map<String, VehicleBest> byVehicle = new HashMap<>();
        for (Courier c : couriers.values()) {
            if (!c.loggedIn || (c.reservedUntil != null && at.isBefore(c.reservedUntil))) {
                continue;
            }
            available++;
            Instant freeAt = c.loggedInAt;
            if (c.jobFreeAt != null && c.jobFreeAt.isAfter(freeAt)) {
                freeAt = c.jobFreeAt;
            }
            double wait = Math.max(0, (freeAt.toEpochMilli() - at.toEpochMilli()) / 60_000.0);
            if (wait == 0) {
                idle++;
            }
            boolean jobIsNewer = c.jobEventAt != null && c.jobEventAt.isAfter(c.loggedInAt);
            Double km = jobIsNewer ? RequestFeatures.distanceKm(c.jobLat, c.jobLon, lat, lon)
                    : RequestFeatures.distanceKm(c.loginLat, c.loginLon, lat, lon);
            Double speed = c.vehicle == null ? null : speedKmh.apply(c.vehicle);
            if (km == null || speed == null || !(speed > 0)) {
                continue;
            }
            double arrival = wait + rideMinutes(km, speed);
            VehicleBest kind = byVehicle.get(c.vehicle);
            if (kind == null || arrival < kind.arrival()) {
                byVehicle.put(c.vehicle, new VehicleBest(c.vehicle, arrival, speed));
            }
            if (arrival < bestArrival || (arrival == bestArrival && c.id.compareTo(best.id) < 0)) {
                best = c;
                bestArrival = arrival;
                bestWait = wait;
                bestKm = km;
                bestSpeed = speed;
            }
        }
        if (best == null) {
            return new Soonest(null, null, null, null, null, null, available, idle, null, null);
        }
        // Ties between two other vehicles go to the smaller name, so the answer never depends on map order.
        VehicleBest other = null;
        for (VehicleBest kind : byVehicle.values()) {
            if (!kind.vehicle().equals(best.vehicle) && (other == null || kind.arrival() < other.arrival()
                    || (kind.arrival() == other.arrival() && kind.vehicle().compareTo(other.vehicle()) < 0))) {
                other = kind;
            }
        }
        return new Soonest(best.id, bestArrival, bestWait, bestKm, best.vehicle, bestSpeed, available, idle,
                other == null ? null : other.arrival(), other == null ? null : other.speed());
    }

    /** Minutes to ride {@code straightKm} (as the crow flies) at {@code speedKmh}, detours included. */
    public static double rideMinutes(double straightKm, double speedKmh) {
        return straightKm * ROAD_FACTOR / speedKmh * 60;
    }

    private void release(String orderId) {
        if (orderId == null) {
            return;
        }
        Courier c = reservations.remove(orderId);
        if (c != null && orderId.equals(c.reservedFor)) {
            c.reservedFor = null;
            c.reservedUntil = null;
        }
    }

    private Courier courier(String courierId, String vehicle) {
        Courier c = couriers.computeIfAbsent(courierId, Courier::new);
        if (vehicle != null) {
            c.vehicle = vehicle;
        }
        return c;
    }

    private static boolean isNewer(Instant at, String id, Instant knownAt, String knownId) {
        if (knownAt == null) {
            return true;
        }
        int byTime = at.compareTo(knownAt);
        return byTime > 0 || (byTime == 0 && id.compareTo(knownId) > 0);
    }
}
