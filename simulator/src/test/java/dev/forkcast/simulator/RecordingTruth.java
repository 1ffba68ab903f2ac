package dev.forkcast.simulator;

import dev.forkcast.simulator.truth.OrderTruth;
import dev.forkcast.simulator.truth.RunInfo;
import dev.forkcast.simulator.truth.TruthSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps the ground truth in memory for tests that do not need the database. */
final class RecordingTruth implements TruthSink {

    final List<OrderTruth> orders = new ArrayList<>();

    @Override
    public void runStarted(RunInfo run) {
    }

    @Override
    public void order(OrderTruth truth) {
        orders.add(truth);
    }

    @Override
    public void runFinished(RunInfo run, SimulationStats stats) {
    }

    @Override
    public void close() {
    }
}
