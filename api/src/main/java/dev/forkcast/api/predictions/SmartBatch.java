package dev.forkcast.api.predictions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Runs a function that is cheaper per item on many items at once ({@code predictAll}) over the items concurrent
 * callers bring, without a timer and without a thread of its own ("smart batching", Martin Thompson): the first
 * caller runs the function on its own item at once; callers arriving meanwhile queue, and when it finishes the
 * oldest of them runs it on everything queued. An idle server pays nothing (a batch of one, no waiting); a busy one
 * makes batches as large as the traffic of one call. A batch is never held back to grow.
 *
 * <p>Why here: XGBoost's {@code Booster.predict} is {@code synchronized} and each call builds a native matrix, so
 * single rows top out at ~12-13k predictions/s per model on this machine whatever the threads, while a batch of 20
 * rows costs little more than one. Each item's output is what the function gives it alone (a tree ensemble scores
 * each row on its own), which {@code DeliveryTimeApiIT} checks against the library's single predictions.
 *
 * <p>When a batch fails, each of its items is run alone, so one caller's bad item fails only that caller.
 *
 * @param <I> an item
 * @param <O> its output
 */
final class SmartBatch<I, O> {

    private static final class Pending<I, O> {
        final I input;
        final CompletableFuture<O> result = new CompletableFuture<>();
        /** Completed when this caller is to run the next batch (its own item is then at the head of the queue). */
        final CompletableFuture<Void> lead = new CompletableFuture<>();

        Pending(I input) {
            this.input = input;
        }
    }

    private final Function<List<I>, List<O>> function;
    private final int maxBatch;
    private final ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
    private boolean running;

    /**
     * @param function outputs for inputs, one per input in order
     * @param maxBatch the most items one call gets
     */
    SmartBatch(Function<List<I>, List<O>> function, int maxBatch) {
        this.function = function;
        this.maxBatch = maxBatch;
    }

    /** The output for {@code input}, computed in some batch; exceptions of the function are thrown as they were. */
    O apply(I input) {
        Pending<I, O> mine = new Pending<>(input);
        boolean first;
        synchronized (this) {
            queue.add(mine);
            first = !running;
            running = true;
        }
        if (first) {
            mine.lead.complete(null);
        }
        // Either my output is ready or I am to run the next batch (an exception is mine to rethrow below).
        CompletableFuture.anyOf(mine.result, mine.lead).exceptionally(failed -> null).join();
        if (!mine.result.isDone()) {
            runBatch();
        }
        try {
            return mine.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void runBatch() {
        List<Pending<I, O>> batch = new ArrayList<>();
        synchronized (this) {
            while (batch.size() < maxBatch && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
        }
        try {
            complete(batch);
        } finally {
            Pending<I, O> next;
            synchronized (this) {
                next = queue.peek();
                running = next != null;
            }
            if (next != null) {
                next.lead.complete(null);
            }
        }
    }

    private void complete(List<Pending<I, O>> batch) {
        List<O> outputs;
        try {
            outputs = function.apply(batch.stream().map(p -> p.input).toList());
            if (outputs.size() != batch.size()) {
                throw new IllegalStateException(outputs.size() + " outputs for " + batch.size() + " inputs");
            }
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).result.completeExceptionally(e);
                return;
            }
            for (Pending<I, O> p : batch) {
                complete(List.of(p));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(outputs.get(i));
        }
    }
}
