package dev.forkcast.ingestion.landing;

import dev.forkcast.ingestion.KafkaClients;
import org.apache.kafka.common.TopicPartition;

/**
 * Which partitions a lander owns when several run side by side: lander {@code index} of {@code count}
 * takes every partition whose number modulo {@code count} is {@code index - 1}. One lander (1/1) takes all.
 */
public record LanderShare(int index, int count) {

    public static final LanderShare ALL = new LanderShare(1, 1);

    public LanderShare {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a lander share is i/n with 1 <= i <= n, got " + index + "/" + count);
        }
    }

    /** Parses {@code "2/3"}. */
    public static LanderShare parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new LanderShare(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(KafkaClients.LANDER_SHARE_VARIABLE + " must look like 1/2, got '" + text + "'");
    }

    /** From {@code FORKCAST_LANDER_SHARE}, default all partitions. */
    public static LanderShare fromEnvironment() {
        String text = System.getenv(KafkaClients.LANDER_SHARE_VARIABLE);
        return text == null || text.isBlank() ? ALL : parse(text);
    }

    public boolean owns(TopicPartition partition) {
        return partition.partition() % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
