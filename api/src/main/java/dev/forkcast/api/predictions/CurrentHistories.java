package dev.forkcast.api.predictions;

import dev.forkcast.warehouse.features.DeliveryTimeHistory;
import dev.forkcast.warehouse.features.DeliveryTimeLookup;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The history features of orders placed "now" (no {@code placedAt} in the request), which the service takes as the
 * current minute: one fleet replay per minute, shared by every restaurant, and one restaurant lookup per restaurant
 * per minute, however many estimates the minute asks for. Exact, not approximate: every order of the minute is
 * estimated as of the minute's first instant, and that instant's lookup is what the ETL's definitions give for it;
 * the fleet replay at an instant does not depend on the restaurant (only the last question asked of it does), so one
 * replay asked about 500 restaurants gives what 500 replays give. Only the current minute is held (a new minute
 * starts afresh), so the cache is bounded by the restaurants asked about in one minute (and by {@link #MAX_ENTRIES},
 * beyond which lookups are made but not kept), and an ETL run published during a minute is seen from the next one.
 * Orders with an explicit {@code placedAt} never come here: their instants rarely repeat.
 *
 * <p>Concurrent requests for the same minute wait for one replay, and for the same restaurant for one lookup, rather
 * than each making their own; a failed replay or lookup is not kept.
 *
 * @param <F> what one replay of the fleet is ({@link DeliveryTimeLookup.Fleet}; tests use any value)
 */
final class CurrentHistories<F> {

    /** Where histories come from: {@link DeliveryTimeLookup#fleetAt} and {@link DeliveryTimeLookup#asOf(String, DeliveryTimeLookup.Fleet)}. */
    interface Source<F> {
        F fleetAt(Instant at) throws SQLException;

        DeliveryTimeHistory asOf(String restaurantId, F fleet) throws SQLException;
    }

    /** More restaurants than a city has; beyond it someone is asking about made-up ones. */
    static final int MAX_ENTRIES = 10_000;

    private final class Minute {
        final Instant start;
        final AtomicReference<FutureTask<F>> fleet = new AtomicReference<>();
        final ConcurrentHashMap<String, FutureTask<DeliveryTimeHistory>> byRestaurant = new ConcurrentHashMap<>();

        Minute(Instant start) {
            this.start = start;
        }

        F fleet() throws SQLException {
            FutureTask<F> task = fleet.get();
            if (task == null) {
                FutureTask<F> mine = new FutureTask<>(() -> source.fleetAt(start));
                task = fleet.compareAndExchange(null, mine);
                if (task == null) {
                    task = mine;
                    mine.run();
                }
            }
            try {
                return result(task);
            } catch (SQLException | RuntimeException e) {
                fleet.compareAndSet(task, null);
                throw e;
            }
        }

        DeliveryTimeHistory history(String restaurantId) throws SQLException {
            FutureTask<DeliveryTimeHistory> task = byRestaurant.get(restaurantId);
            if (task == null) {
                FutureTask<DeliveryTimeHistory> mine = new FutureTask<>(() -> source.asOf(restaurantId, fleet()));
                if (byRestaurant.size() >= MAX_ENTRIES) {
                    mine.run();
                    return result(mine);
                }
                task = byRestaurant.putIfAbsent(restaurantId, mine);
                if (task == null) {
                    task = mine;
                    mine.run();
                }
            }
            try {
                return result(task);
            } catch (SQLException | RuntimeException e) {
                byRestaurant.remove(restaurantId, task);
                throw e;
            }
        }
    }

    private final Source<F> source;
    private volatile Minute current = new Minute(Instant.EPOCH);

    CurrentHistories(Source<F> source) {
        this.source = source;
    }

    /** The production source: the warehouse's lookup. */
    static CurrentHistories<DeliveryTimeLookup.Fleet> of(DeliveryTimeLookup lookup) {
        return new CurrentHistories<>(new Source<>() {
            @Override
            public DeliveryTimeLookup.Fleet fleetAt(Instant at) throws SQLException {
                return lookup.fleetAt(at);
            }

            @Override
            public DeliveryTimeHistory asOf(String restaurantId, DeliveryTimeLookup.Fleet fleet) throws SQLException {
                return lookup.asOf(restaurantId, fleet);
            }
        });
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
        if (!held.start.equals(minute)) {
            if (minute.isBefore(held.start)) {
                // A request that began in the previous minute and reached here after the next one started: answered
                // on its own (a minute of its own, used once), never from the new minute.
                return new Minute(minute).history(restaurantId);
            }
            synchronized (this) {
                if (current.start.isBefore(minute)) {
                    current = new Minute(minute);
                }
                held = current;
            }
            if (!held.start.equals(minute)) {
                return new Minute(minute).history(restaurantId);
            }
        }
        return held.history(restaurantId);
    }

    /**
     * The restaurant's history as of {@code minute} when this minute already has it, without waiting or asking the
     * warehouse; null when it would take a lookup (or one is still running): then {@link #asOf} is the way.
     */
    DeliveryTimeHistory ifReady(String restaurantId, Instant minute) {
        Minute held = current;
        if (!held.start.equals(minute)) {
            return null;
        }
        FutureTask<DeliveryTimeHistory> task = held.byRestaurant.get(restaurantId);
        if (task == null || !task.isDone()) {
            return null;
        }
        try {
            return task.get();
        } catch (ExecutionException | CancellationException failed) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static <T> T result(FutureTask<T> task) throws SQLException {
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
