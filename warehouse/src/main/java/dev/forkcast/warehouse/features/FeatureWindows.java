package dev.forkcast.warehouse.features;

import java.time.Duration;

/**
 * The windows of history the features look at. The ETL (offline, for training) and the API (online, at
 * request time) both read them from here, so a feature cannot mean seven days in one place and six in
 * the other.
 *
 * <p>Point in time: every window ends just before the order was placed and counts what the platform had
 * <em>received</em> by then (an event's receive time, not its own timestamp: a late event was not known).
 */
public final class FeatureWindows {

    /** The feature comes from the order itself (its time, basket, delivery point): no history. */
    public static final String REQUEST = "request";
    /** Everything received before the order, since the platform began. */
    public static final String ALL_HISTORY = "all history before the order";
    /** The fleet as the courier events received before the order left it (see {@code FleetState}). */
    public static final String FLEET = "the fleet as received before the order";

    /** Restaurant preparation times: the last week smooths daily noise yet follows a kitchen that changes. */
    public static final Duration RESTAURANT_PREP = Duration.ofDays(7);
    /** Kitchen and fleet load: about one delivery's length, so it tells how busy things are right now. */
    public static final Duration LOAD = Duration.ofMinutes(30);
    /** A restaurant's typical basket, for "is this basket unusually big here?". */
    public static final Duration TYPICAL_BASKET = Duration.ofDays(30);

    private FeatureWindows() {
    }

    /** How a window reads in the catalogue and the README ("7 days before placement"). */
    public static String describe(Duration window) {
        if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
            return window.toDays() + " days before placement";
        }
        return window.toMinutes() + " minutes before placement";
    }
}
