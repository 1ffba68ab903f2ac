package dev.forkcast.api.predictions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Scores single rows without a request thread per row: callers hand in a row and get a future; two threads of its
 * own run rounds, each of which closes to newcomers, reads the champion (a read that started after every one of its
 * rows arrived, as {@link FreshRead} guarantees) and scores all its rows in one call. Rows arriving while a round
 * is read gather into the next round; an idle server's single row is scored at once.
 *
 * <p>Two threads, one stage each: a reader runs the rounds' champion reads one after another and hands each read
 * round to a scoring thread. While a round is scored, the next round's read is already under way: with one thread
 * doing both, a round's rows waited for the previous round's read and scoring in turn, and the benchmark found the
 * machine a third idle while 32 connections waited on that one thread (closed loop: throughput = connections /
 * latency). The answers are not written here: a caller that wants its answer made elsewhere (the delivery route:
 * on its connection's event loop) continues its future on its own executor.
 *
 * <p>At most two rounds are past their read at once: one being scored, one read and waiting for the scoring thread.
 * A third round keeps gathering rows until the round being scored is done, so a busy server scores fewer, larger
 * rounds (one native call and one champion read for more rows) instead of queueing many small ones behind a
 * scoring thread that cannot keep up.
 *
 * <p>No pace between reads (unlike {@link FreshRead}): one read at a time on one thread, and at most one ahead of
 * the scoring, already bound them (~2,600 a second in the benchmark, ~8 rows each). A quarter-millisecond pace
 * cost more than the reads it saved: the reader's short sleeps overslept (~400 µs on average on a busy machine),
 * rounds fell to ~960 a second and the machine sat a quarter idle while rows waited (the "now" route went from
 * 13,800 to 17,200 requests/s without it).
 *
 * <p>Why: with a request thread per row, each delivery estimate parked and woke its thread three times (handed the
 * request, waiting for the champion check, waiting for the shared scoring call), ~3 context switches per request
 * on two cores. Here the event loop hands in the row and the round threads answer it; each wakes once per round.
 *
 * <p>When a round's scoring fails, each of its rows is scored alone, so one bad row fails only its caller; a failed
 * champion read fails the whole round (every row would have met it).
 *
 * @param <P> the predictor (read per round)
 * @param <R> one row's result
 */
final class ScoringRounds<P, R> implements AutoCloseable {

    /** Reads the champion now (the read must start when this is called). */
    interface ChampionRead<P> {
        P read() throws Exception;
    }

    /** Scores rows with a predictor, one result per row in order. */
    interface Scorer<P, R> {
        List<R> score(P predictor, List<Object[]> rows);
    }

    private record Item<R>(Object[] row, CompletableFuture<R> result) {
    }

    private final ChampionRead<P> champion;
    private final Scorer<P, R> scorer;
    /** Runs the rounds' champion reads, one at a time. */
    private final ExecutorService reader;
    /** Scores the rounds and completes their rows' futures, in the order their reads finished. */
    private final ExecutorService scoring;
    /** Rounds past their read and not yet scored: one being scored, one read ahead of it. */
    private final Semaphore readAhead = new Semaphore(2);
    /** The round gathering rows (its read not started), or null. */
    private List<Item<R>> gathering;

    ScoringRounds(String threadName, ChampionRead<P> champion, Scorer<P, R> scorer) {
        this.champion = champion;
        this.scorer = scorer;
        this.reader = daemonThread(threadName + "-read");
        this.scoring = daemonThread(threadName);
    }

    private static ExecutorService daemonThread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The row's result, from a champion read that starts after this call. */
    CompletableFuture<R> score(Object[] row) {
        Item<R> item = new Item<>(row, new CompletableFuture<>());
        List<Item<R>> round = null;
        synchronized (this) {
            if (gathering == null) {
                gathering = new ArrayList<>();
                round = gathering;
            }
            gathering.add(item);
        }
        if (round != null) {
            List<Item<R>> mine = round;
            reader.execute(() -> run(mine));
        }
        return item.result;
    }

    private void run(List<Item<R>> round) {
        try {
            // Until the scoring thread has room, this round stays open and gathers.
            readAhead.acquire();
        } catch (InterruptedException e) {
            // Shutting down: close the round (later rows start a new one) and fail its rows.
            Thread.currentThread().interrupt();
            synchronized (this) {
                gathering = null;
            }
            round.forEach(i -> i.result.completeExceptionally(e));
            return;
        }
        List<Item<R>> items;
        synchronized (this) {
            // Closed to newcomers from here: every row in it arrived before its champion read starts.
            gathering = null;
            items = round;
        }
        P predictor;
        try {
            predictor = champion.read();
        } catch (Throwable e) {
            readAhead.release();
            items.forEach(i -> i.result.completeExceptionally(e));
            return;
        }
        // Scored on the other thread, so the next round's read overlaps this round's scoring and answers.
        scoring.execute(() -> {
            try {
                complete(predictor, items);
            } finally {
                readAhead.release();
            }
        });
    }

    private void complete(P predictor, List<Item<R>> items) {
        List<R> results;
        try {
            results = scorer.score(predictor, items.stream().map(Item::row).toList());
            if (results.size() != items.size()) {
                throw new IllegalStateException(results.size() + " results for " + items.size() + " rows");
            }
        } catch (RuntimeException | Error e) {
            if (items.size() == 1) {
                items.get(0).result.completeExceptionally(e);
            } else {
                items.forEach(i -> complete(predictor, List.of(i)));
            }
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            items.get(i).result.complete(results.get(i));
        }
    }

    @Override
    public void close() throws InterruptedException {
        reader.shutdown();
        reader.awaitTermination(10, TimeUnit.SECONDS);
        scoring.shutdown();
        scoring.awaitTermination(10, TimeUnit.SECONDS);
    }
}
