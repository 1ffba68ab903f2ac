package dev.forkcast.ml.bench;

import dev.forkcast.bench.BenchReport;
import dev.forkcast.bench.ChildJvm;
import dev.forkcast.ml.evaluation.DecisionCosts;
import dev.forkcast.ml.training.TrainingJob;
import dev.forkcast.ml.training.TrainingJob.Outcome;
import dev.forkcast.warehouse.ForkcastHome;
import dev.forkcast.warehouse.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./forkcast bench training [--days 30] [--seed 11]}: on a fresh simulated month, how close the two
 * models come to the best any model could do, and what training costs.
 *
 * <ol>
 *   <li>A month of the default city (about 3,000 orders a day) is simulated and landed into
 *       {@code raw.events} of a scratch database, with its truth (the ingestion module's
 *       {@code LandHistory}, in a child JVM);</li>
 *   <li>the data engineer's ETL builds staging, marts and features from it ({@code EtlJob}, Spark, in a
 *       child JVM: the ML side never runs Spark itself);</li>
 *   <li>the training job trains, judges and registers both models, timed.</li>
 * </ol>
 *
 * The baseline of each model is the world's own limit measured in the same run: the best possible RMSE
 * (the simulator's expected minutes) and the best possible PR-AUC (ranking by the true fraud probability).
 * Targets: delivery RMSE at most 1.15x the best possible; fraud PR-AUC at least 0.85x the best possible.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int days = Integer.parseInt(option(args, "--days", "30"));
        String seed = option(args, "--seed", "11");
        Path home = ForkcastHome.locate();
        try (ScratchDatabase db = ScratchDatabase.create()) {
            System.out.printf("== simulating and landing %d days (seed %s)...%n", days, seed);
            long started = System.nanoTime();
            child(db, home, "ingestion", List.of(), "dev.forkcast.ingestion.bench.LandHistory", "--seed", seed,
                    "--clock.days", String.valueOf(days), "--delivery.ping_interval_seconds", "300");
            double landSeconds = seconds(started);
            System.out.println("== the ETL: raw -> staging -> marts + features...");
            started = System.nanoTime();
            child(db, home, "pipeline", List.of("@" + home.resolve("pipeline").resolve("spark-jvm17.args"), "-Xmx6g"),
                    "dev.forkcast.pipeline.job.EtlJob");
            double etlSeconds = seconds(started);
            System.out.println("== training both models...");
            started = System.nanoTime();
            Outcome o = new TrainingJob(db.dataSource(), home.resolve("target").resolve("bench").resolve("training-reports"),
                    DecisionCosts.DEFAULT, System.out::println).run();
            double trainSeconds = seconds(started);

            BenchReport report = new BenchReport("training", String.format("a fresh simulated month: %d days, seed %s,"
                    + " default city; delivery test days %s, fraud test days %s", days, seed,
                    o.deliverySplit().describe().get("test"), o.fraudSplit().describe().get("test")));
            long trainingRows = trainRows(o.deliveryVersion().dataWindow()) + trainRows(o.fraudVersion().dataWindow());
            report.measurement("training both models (5 candidates each on the train days, the delivery winner refitted, judged, registered)",
                    trainingRows, trainSeconds, "training rows");
            report.measurement("landing the month (simulator -> raw.events)", 1, landSeconds, "runs");
            report.measurement("ETL of the month", 1, etlSeconds, "runs");
            double deliveryRatio = o.delivery().ratioToBest();
            double fraudRatio = o.fraud().ratioToBest();
            report.ratio("delivery time: model RMSE / best possible RMSE", deliveryRatio, String.format(
                    "%.2f vs %.2f minutes; the linear baseline %.2f", o.delivery().modelOnTruthRows().rmse(),
                    o.delivery().bestPossible().rmse(), o.delivery().baseline().rmse()));
            report.ratio("fraud: model PR-AUC / best possible PR-AUC", fraudRatio, String.format(
                    "%.3f vs %.3f; the logistic baseline %.3f", o.fraud().prAuc(), o.fraud().bestPrAuc(),
                    o.fraud().baselinePrAuc()));
            report.target(String.format("delivery RMSE within 15%% of the best possible (%.3fx)", deliveryRatio),
                    deliveryRatio <= 1.15);
            report.target(String.format("fraud PR-AUC at least 85%% of the best possible (%.3fx)", fraudRatio),
                    fraudRatio >= 0.85);
            report.print(System.out);
            System.out.println("saved " + report.save());
            System.out.println("report of the run: " + o.report().resolve("report.md"));
        }
    }

    /** Runs {@code main} of a module (its built classes and runtime classpath) in a child JVM against {@code db}. */
    private static void child(ScratchDatabase db, Path home, String module, List<String> jvmArgs, String main,
                              String... args) throws IOException, InterruptedException {
        Path target = home.resolve(module).resolve("target");
        String classpath = target.resolve("classes") + ":" + Files.readString(target.resolve("classpath.txt")).trim();
        ChildJvm.run(db.settings(), jvmArgs, classpath, main, List.of(args));
    }

    private static long trainRows(Map<String, Object> dataWindow) {
        Object rows = dataWindow.get("rows");
        return rows instanceof Map<?, ?> parts && parts.get("train") instanceof Number n ? n.longValue() : 0;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
