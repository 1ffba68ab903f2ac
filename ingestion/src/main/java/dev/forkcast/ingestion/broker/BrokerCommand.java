package dev.forkcast.ingestion.broker;

import dev.forkcast.warehouse.ForkcastHome;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./forkcast broker}: a real Kafka broker as its own process (data in {@code .forkcast/kafka},
 * port 19092) with Forkcast's topics, until Ctrl-C. Other commands find it and use it.
 */
public final class BrokerCommand {

    private BrokerCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.out.println("Usage: ./forkcast broker    (a local Kafka broker on localhost:"
                    + KafkaEndpoint.LOCAL_PORT + " until Ctrl-C)");
            return;
        }
        Path data = ForkcastHome.locate().resolve(".forkcast").resolve("kafka");
        System.out.println("starting Kafka (KRaft, one node) with data in " + data + " ...");
        long started = System.nanoTime();
        LocalKafkaBroker broker = LocalKafkaBroker.start(data, KafkaEndpoint.LOCAL_PORT, KafkaEndpoint.LOCAL_CONTROLLER_PORT);
        try (KafkaEndpoint endpoint = KafkaEndpoint.of(broker)) {
            java.util.List<String> created = endpoint.ensureTopics();
            System.out.printf("Kafka is up at %s in %.1f s%n", broker.bootstrapServers(), (System.nanoTime() - started) / 1e9);
            System.out.println("topics: " + ForkcastTopics.all().stream().map(t -> t.name() + " (" + t.numPartitions() + ")")
                    .toList() + (created.isEmpty() ? "" : ", created now: " + created));
            System.out.println("Other commands use it automatically; elsewhere: FORKCAST_KAFKA_BOOTSTRAP="
                    + broker.bootstrapServers());
            System.out.println("Running until Ctrl-C.");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "forkcast-broker-shutdown"));
        stopped.await();
    }
}
