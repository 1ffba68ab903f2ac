package dev.forkcast.api.predictions;

import dev.forkcast.warehouse.features.DeliveryTimeHistory;
import dev.forkcast.warehouse.features.DeliveryTimeLookup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The history features of orders placed "now" (no {@code placedAt} in the request), which the service takes as the
 * current minute: one {@link DeliveryTimeLookup} per restaurant per minute, however many estimates the minute asks
 * for. Exact, not approximate: every order of the minute is estimated as of the minute's first instant, and that
 * instant's lookup is what the ETL's definitions give for it. Only the current minute is held (a new minute starts
 * an empty map), so the cache is bounded by the restaurants asked about in one minute (and by {@link #MAX_ENTRIES},
 * beyond which lookups are made but not kept), and an ETL run published during a minute is seen from the next one.
 * Orders with an explicit {@code placedAt} never come here: their instants rarely repeat.
 *
 * <p>Concurrent requests for the same restaurant in the same minute wait for one lookup rather than each making
 * their own; a failed lookup is not kept.
 */
@Singleton
class CurrentHistories {

    /** Where histories come from: {@link DeliveryTimeLookup#asOf(String, Instant)}. */
    interface Source {
        DeliveryTimeHistory asOf(String restaurantId, Instant at) throws SQLException;
    }

    /** More restaurants than a city has; beyond it someone is asking about made-up ones. */
    static final int MAX_ENTRIES = 10_000;

    private record Minute(Instant start, ConcurrentHashMap<String, FutureTask<DeliveryTimeHistory>> byRestaurant) {
    }

    private final Source source;
    private volatile Minute current = new Minute(Instant.EPOCH, new ConcurrentHashMap<>());

    @Inject
    CurrentHistories(DeliveryTimeLookup lookup) {
        this(lookup::asOf);
    }

    CurrentHistories(Source source) {
        this.source = source;
    }

    /** The instant an order placed at {@code now} is estimated as of. */
    static Instant minuteOf(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * The restaurant's history as of {@code minute} (a value of {@link #minuteOf}).
     */
    DeliveryTimeHistory asOf(String restaurantId, Instant minute) throws SQLException {
        Minute held = current;
        if (!held.start().equals(minute)) {
            if (minute.isBefore(held.start())) {
                // A request that began in the previous minute and reached here after the next one started.
                return source.asOf(restaurantId, minute);
            }
            synchronized (this) {
                if (current.start().isBefore(minute)) {
                    current = new Minute(minute, new ConcurrentHashMap<>());
                }
                held = current;
            }
            if (!held.start().equals(minute)) {
                return source.asOf(restaurantId, minute);
            }
        }
        FutureTask<DeliveryTimeHistory> task = held.byRestaurant().get(restaurantId);
        if (task == null) {
            FutureTask<DeliveryTimeHistory> mine = new FutureTask<>(() -> source.asOf(restaurantId, minute));
            if (held.byRestaurant().size() >= MAX_ENTRIES) {
                mine.run();
                return result(mine);
            }
            task = held.byRestaurant().putIfAbsent(restaurantId, mine);
            if (task == null) {
                task = mine;
                mine.run();
            }
        }
        try {
            return result(task);
        } catch (SQLException | RuntimeException e) {
            held.byRestaurant().remove(restaurantId, task);
            throw e;
        }
    }

    private static DeliveryTimeHistory result(FutureTask<DeliveryTimeHistory> task) throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a history lookup", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
