/** The ingestion benchmark: our producer against Kafka's own tool, our lander against a plain COPY. */
package dev.forkcast.ingestion.bench;
