package dev.forkcast.api.predictions;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A database read that many requests share without any of them getting an answer older than itself: each caller
 * gets the result of a read that <em>started after the caller arrived</em>, exactly as if it had made its own, but
 * callers arriving while a read is in flight wait together for the next one. At most one read is in flight and one
 * round gathers callers for the next, so under load one round trip answers every request that arrived during the
 * previous one (databases batch commits the same way: "group commit"), and an idle server still reads once per
 * request.
 *
 * <p>Rounds start at least a {@link Pace} apart: when the previous read started less than that ago, the next
 * round keeps gathering callers until then. Back to back, the reads ran ~3,000 times a second under the benchmark's load,
 * each ~66 µs of CPU between the server and PostgreSQL (a fifth of a core) to learn that nothing had moved. A
 * caller's read still starts after it arrived; what the pace costs is at most that long of waiting, and only when
 * another read started just before (a lone request on an idle server reads at once).
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
        /** The round before this one, which must finish before this one's read starts (null: none in flight). */
        final Round<T> previous;

        Round(Round<T> previous) {
            this.previous = previous;
        }
    }

    private final Read<T> read;
    private final Pace pace;
    /** The round still gathering callers (its read not started yet), or null. */
    private Round<T> gathering;
    /** The round created last, gathering or reading (or finished). */
    private Round<T> last;

    /**
     * @param paceNanos the least time between two reads' starts
     */
    FreshRead(Read<T> read, long paceNanos, Pace.Clock clock) {
        this.read = read;
        this.pace = new Pace(paceNanos, clock);
    }

    /** The result of a read that started after this call did. */
    T get() throws SQLException {
        Round<T> mine;
        boolean lead = false;
        synchronized (this) {
            if (gathering == null) {
                Round<T> before = last != null && !last.result.isDone() ? last : null;
                gathering = new Round<>(before);
                last = gathering;
                lead = true;
            }
            mine = gathering;
        }
        if (lead) {
            run(mine);
        }
        return await(mine.result);
    }

    /** Waits for the round before, then for the pace, then closes the round to newcomers and reads. */
    private void run(Round<T> round) {
        try {
            if (round.previous != null) {
                round.previous.result.handle((value, failure) -> null).join();
            }
            pace.turn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            // Closed to newcomers from here: everyone in this round arrived before its read starts.
            gathering = null;
            pace.start();
        }
        try {
            round.result.complete(read.read());
        } catch (SQLException | RuntimeException | Error e) {
            round.result.completeExceptionally(e);
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
