package dev.forkcast.simulator.truth;

import dev.forkcast.simulator.SimulationStats;

/** Where the ground truth goes: the warehouse's {@code truth} schema, or nowhere (benchmarks, dry runs). */
public interface TruthSink extends AutoCloseable {

    /** Forgets any earlier truth of this run and of orders in its window, and records the run. */
    void runStarted(RunInfo run);

    void order(OrderTruth truth);

    /** Records what the run emitted, including the dirt it injected. */
    void runFinished(RunInfo run, SimulationStats stats);

    /**
     * Makes the orders recorded so far visible to other connections, before the run finishes: a run that keeps
     * going (the live demo) calls it once its history is complete, so training can judge that history.
     */
    default void flush() {
    }

    @Override
    void close();

    /** Keeps nothing. */
    TruthSink NONE = new TruthSink() {
        @Override
        public void runStarted(RunInfo run) {
        }

        @Override
        public void order(OrderTruth truth) {
        }

        @Override
        public void runFinished(RunInfo run, SimulationStats stats) {
        }

        @Override
        public void close() {
        }
    };
}
