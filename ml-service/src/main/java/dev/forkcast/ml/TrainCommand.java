package dev.forkcast.ml;

import dev.forkcast.ml.evaluation.DecisionCosts;
import dev.forkcast.ml.training.TrainingJob;
import dev.forkcast.ml.training.TrainingJob.Outcome;
import dev.forkcast.warehouse.ForkcastHome;
import dev.forkcast.warehouse.Warehouse;
import java.nio.file.Path;

/**
 * {@code ./forkcast train}: trains both models on the configured warehouse's feature tables, prints how
 * they compare with the world's truth, registers them and promotes by the rule. The report (Markdown and
 * SVG charts) lands in {@code .forkcast/reports/<run id>/} and in {@code ml.report_files}.
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    public static void main(String[] args) throws Exception {
        Path reports = ForkcastHome.locate().resolve(".forkcast").resolve("reports");
        try (Warehouse warehouse = Warehouse.open()) {
            System.out.println("[setup] warehouse: " + warehouse.description());
            Outcome o = new TrainingJob(warehouse.dataSource(), reports, DecisionCosts.DEFAULT, System.out::println).run();
            System.out.printf("%n== %s done in %.1f s%n", o.runId(), o.seconds());
            System.out.printf("delivery time %-6s test RMSE %6.2f min   best possible %6.2f   ratio %.3f  (target <= 1.15: %s)   %s%n",
                    "v" + o.deliveryVersion().version(), o.delivery().model().rmse(), o.delivery().bestPossible().rmse(),
                    o.delivery().ratioToBest(), o.delivery().ratioToBest() <= 1.15 ? "met" : "NOT met",
                    o.deliveryDecision().aliasForCandidate().sqlName());
            System.out.printf("fraud         %-6s test PR-AUC %6.3f      best possible %6.3f   ratio %.3f  (target >= 0.85: %s)   %s%n",
                    "v" + o.fraudVersion().version(), o.fraud().prAuc(), o.fraud().bestPrAuc(), o.fraud().ratioToBest(),
                    o.fraud().ratioToBest() >= 0.85 ? "met" : "NOT met", o.fraudDecision().aliasForCandidate().sqlName());
            System.out.println("report: " + o.report().resolve("report.md"));
        }
    }
}
