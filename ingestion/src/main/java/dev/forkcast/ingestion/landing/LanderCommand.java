package dev.forkcast.ingestion.landing;

import dev.forkcast.ingestion.broker.KafkaEndpoint;
import dev.forkcast.warehouse.Warehouse;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./forkcast land}: the lander as its own process, landing whatever arrives until Ctrl-C, or, with
 * {@code --until-idle SECONDS}, until nothing has arrived for that long and no lag is left.
 */
public final class LanderCommand {

    private LanderCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        double idleSeconds = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--until-idle") && i + 1 < args.length) {
                idleSeconds = Double.parseDouble(args[++i]);
            } else {
                System.out.println("Usage: ./forkcast land [--until-idle SECONDS]");
                System.exit(args[i].equals("--help") ? 0 : 2);
            }
        }
        try (Warehouse warehouse = Warehouse.open(); KafkaEndpoint kafka = KafkaEndpoint.fromEnvironment()) {
            System.out.println("warehouse: " + warehouse.description());
            System.out.println("kafka:     " + kafka.description());
            kafka.ensureTopics();
            CountDownLatch done = new CountDownLatch(1);
            LanderRunner runner = new LanderRunner(kafka.bootstrapServers(), warehouse.dataSource());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                runner.close();
                done.countDown();
            }, "forkcast-lander-shutdown"));
            IngestionProgress progress = new IngestionProgress(System.out, runner.metrics());
            long lastChange = System.nanoTime();
            long lastTotal = -1;
            while (runner.isRunning() && !done.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
                progress.print(-1);
                long total = runner.metrics().getLandedTotal() + runner.metrics().getDeadLetteredTotal();
                if (total != lastTotal) {
                    lastTotal = total;
                    lastChange = System.nanoTime();
                } else if (idleSeconds >= 0 && runner.metrics().getLag() == 0
                        && (System.nanoTime() - lastChange) / 1e9 >= idleSeconds) {
                    System.out.println("idle for " + idleSeconds + " s with no lag: stopping");
                    break;
                }
            }
            if (runner.failure() != null) {
                throw new IllegalStateException("the lander failed", runner.failure());
            }
            runner.close();
            progress.print(-1);
        }
    }
}
