package dev.forkcast.pipeline.job;

import java.util.List;

/**
 * The raw rows one run reads: for each topic and partition, offsets {@code from} (inclusive) to
 * {@code to} (exclusive). {@code from} is the watermark the last successful run left; {@code to} is
 * fixed when the run starts, so rows landing meanwhile wait for the next run.
 */
public record InputRange(List<Slice> slices) {

    /** One topic partition's offsets. */
    public record Slice(String topic, int partition, long from, long to) {

        public long size() {
            return to - from;
        }

        /** The WHERE clause that reads exactly this slice (the primary key index serves it). */
        String predicate() {
            return "topic = '" + topic.replace("'", "''") + "' AND kafka_partition = " + partition
                    + " AND kafka_offset >= " + from + " AND kafka_offset < " + to;
        }
    }

    public boolean isEmpty() {
        return slices.stream().allMatch(s -> s.size() == 0);
    }

    /** How many raw offsets the range spans (an upper bound of its rows: dead letters leave gaps). */
    public long offsets() {
        return slices.stream().mapToLong(Slice::size).sum();
    }

    /** One predicate per non-empty slice: Spark reads each as its own partition, in parallel. */
    String[] predicates() {
        return slices.stream().filter(s -> s.size() > 0).map(Slice::predicate).toArray(String[]::new);
    }

    /** The range as JSON for ops.pipeline_runs.input_offsets. */
    String toJson() {
        StringBuilder json = new StringBuilder("[");
        for (Slice s : slices) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"topic\":\"").append(s.topic).append("\",\"partition\":").append(s.partition)
                    .append(",\"from\":").append(s.from).append(",\"to\":").append(s.to).append('}');
        }
        return json.append(']').toString();
    }
}
