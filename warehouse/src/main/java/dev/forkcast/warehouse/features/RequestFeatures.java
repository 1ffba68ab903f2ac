package dev.forkcast.warehouse.features;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The features computed from the order itself, as pure functions. The ETL calls them (as Spark UDFs)
 * to build the training tables and the API calls them on each request: one piece of code, so training
 * and serving cannot disagree. Times are UTC, which is the simulated city's clock.
 */
public final class RequestFeatures {

    /** Orders placed in this hour or earlier (00:00 to 05:59) count as night orders. */
    public static final int LAST_NIGHT_HOUR = 5;
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private RequestFeatures() {
    }

    /** Decimal places staging keeps of a delivery coordinate: 3 places is about 100 m, not a doorstep. */
    public static final int APPROX_COORDINATE_DECIMALS = 3;

    /**
     * A delivery coordinate as staging stores it in {@code delivery_lat_approx}/{@code delivery_lon_approx}:
     * Spark's {@code round(x, 3)} ({@code OrderEventStaging}), which rounds the double's shortest decimal text
     * half away from zero (HALF_UP on a {@code BigDecimal}), not {@code Math.round}'s half towards +infinity:
     * {@code -4.0005} becomes {@code -4.001} here and in Spark. The API rounds a request's delivery point
     * with it, so a served distance is computed from the same point the trainer saw. Null stays null.
     */
    public static Double approxCoordinate(Double degrees) {
        if (degrees == null || degrees.isNaN() || degrees.isInfinite()) {
            return degrees;
        }
        return BigDecimal.valueOf(degrees).setScale(APPROX_COORDINATE_DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    /** 0..23, UTC. */
    public static int hourOfDay(Instant placedAt) {
        return placedAt.atZone(ZoneOffset.UTC).getHour();
    }

    /** 1 (Monday) .. 7 (Sunday), ISO-8601. */
    public static int dayOfWeek(Instant placedAt) {
        return placedAt.atZone(ZoneOffset.UTC).getDayOfWeek().getValue();
    }

    public static boolean isWeekend(Instant placedAt) {
        DayOfWeek day = placedAt.atZone(ZoneOffset.UTC).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    public static boolean isNightOrder(Instant placedAt) {
        ZonedDateTime at = placedAt.atZone(ZoneOffset.UTC);
        return at.getHour() <= LAST_NIGHT_HOUR;
    }

    /**
     * Great-circle distance in km (haversine). Null when a coordinate is missing (an event that left an
     * optional field out), so a model sees "unknown" rather than a made-up zero.
     */
    public static Double distanceKm(Double lat1, Double lon1, Double lat2, Double lon2) {
        if (lat1 == null || lon1 == null || lat2 == null || lon2 == null) {
            return null;
        }
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
