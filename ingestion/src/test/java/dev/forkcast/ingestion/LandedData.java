package dev.forkcast.ingestion;

import dev.forkcast.events.Topic;
import dev.forkcast.ingestion.broker.ForkcastTopics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads back what a landing produced: raw.events, ops.dead_letters and the dead-letter topic. */
public final class LandedData {

    private LandedData() {
    }

    /** Checksums of the bodies in raw.events, per topic. */
    public static StreamChecksum rawEvents(DataSource dataSource) throws SQLException {
        StreamChecksum landed = new StreamChecksum();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT topic, body::text FROM raw.events")) {
                while (rs.next()) {
                    landed.add(topicNamed(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return landed;
    }

    public static long rowCount(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every record in the dead-letter topic, from the beginning. */
    public static List<ConsumerRecord<byte[], byte[]>> deadLetters(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition(ForkcastTopics.DEAD_LETTERS, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    /**
     * Checksums of dead-letter values, per source topic (read from the record's header). The topic is
     * at-least-once (a lander killed between sending dead letters and committing sends them again), so
     * copies of one source record, recognised by their source coordinates, count once.
     */
    public static StreamChecksum deadLetterValues(List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        StreamChecksum sums = new StreamChecksum();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : deadLetters) {
            String source = header(record, "forkcast.source.topic");
            if (seen.add(source + "/" + header(record, "forkcast.source.partition") + "/"
                    + header(record, "forkcast.source.offset"))) {
                sums.add(topicNamed(source), record.value());
            }
        }
        return sums;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    public static Topic topicNamed(String name) {
        for (Topic topic : Topic.values()) {
            if (topic.topicName().equals(name)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("not a Forkcast event topic: " + name);
    }

    /**
     * The exactly-once check: what reached the warehouse (rows in raw.events plus dead letters, each
     * source record once) is, topic by topic, the same count and checksum as what was sent.
     */
    public static void assertArrivedExactlyAsSent(StreamChecksum sent, TestServers servers) throws SQLException {
        StreamChecksum arrived = rawEvents(servers.db.dataSource())
                .plus(deadLetterValues(deadLetters(servers.bootstrap())));
        for (Topic topic : Topic.values()) {
            org.junit.jupiter.api.Assertions.assertEquals(sent.count(topic), arrived.count(topic), topic.topicName() + " count");
            org.junit.jupiter.api.Assertions.assertEquals(sent.sum(topic), arrived.sum(topic), topic.topicName() + " checksum");
        }
    }

    /** Whether the lander has landed or dead-lettered {@code records} records; a lander that died fails the test at once. */
    public static boolean handledAll(dev.forkcast.ingestion.landing.LanderRunner lander, long records) {
        if (lander.failure() != null) {
            throw new AssertionError("the lander failed", lander.failure());
        }
        return lander.metrics().getLandedTotal() + lander.metrics().getDeadLetteredTotal() == records;
    }

    /** Waits until {@code condition} holds, polling; fails with {@code what} after {@code timeout}. */
    public static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
