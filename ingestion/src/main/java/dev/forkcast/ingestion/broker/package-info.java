/** A real single-node Kafka broker (KRaft) for tests and local runs, and the topics Forkcast uses. */
package dev.forkcast.ingestion.broker;
