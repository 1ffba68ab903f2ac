package dev.forkcast.api.predictions;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A database read that many requests share without any of them getting an answer older than itself: each caller
 * gets the result of a read that <em>started after the caller arrived</em>, exactly as if it had made its own, but
 * callers arriving while a read is in flight wait together for the next one. At most one read is in flight and one
 * waits to start, so under load one round trip answers every request that arrived during the previous one
 * (databases batch commits the same way: "group commit"), and an idle server still reads once per request.
 *
 * <p>Why not a cache with a time to live: a value older than the request would serve a model the admin already
 * rolled back. Why not a notification from the database (LISTEN/NOTIFY): it arrives some time after the commit, and
 * a request in between would be served by the old champion.
 *
 * @param <T> what the read returns
 */
final class FreshRead<T> {

    /** The read itself, e.g. which version the {@code champion} alias points at. */
    interface Read<T> {
        T read() throws SQLException;
    }

    /** One read and everyone who waits for it. */
    private static final class Round<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        /** Completed when this round may start: the read before it has finished. */
        final CompletableFuture<Void> mayStart = new CompletableFuture<>();
    }

    private final Read<T> read;
    private boolean inFlight;
    /** The round that starts when the one in flight ends; callers may join it until then. */
    private Round<T> next;

    FreshRead(Read<T> read) {
        this.read = read;
    }

    /** The result of a read that started after this call did. */
    T get() throws SQLException {
        Round<T> mine;
        boolean lead = false;
        synchronized (this) {
            if (!inFlight) {
                inFlight = true;
                mine = new Round<>();
                mine.mayStart.complete(null);
                lead = true;
            } else {
                if (next == null) {
                    next = new Round<>();
                    lead = true;
                }
                mine = next;
            }
        }
        if (lead) {
            // Joined by everyone who arrived before this round was handed its start (under the lock, below).
            mine.mayStart.join();
            run(mine);
        }
        return await(mine.result);
    }

    private void run(Round<T> round) {
        try {
            round.result.complete(read.read());
        } catch (SQLException | RuntimeException | Error e) {
            round.result.completeExceptionally(e);
        } finally {
            Round<T> waiting;
            synchronized (this) {
                waiting = next;
                next = null;
                inFlight = waiting != null;
            }
            if (waiting != null) {
                // Closed to newcomers now (next is null): everyone in it arrived before its read starts.
                waiting.mayStart.complete(null);
            }
        }
    }

    private static <T> T await(CompletableFuture<T> result) throws SQLException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw new SQLException(sql.getMessage(), sql.getSQLState(), sql.getErrorCode(), sql);
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
