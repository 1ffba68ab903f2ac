/** Producing: the simulator's Kafka sink. */
package dev.forkcast.ingestion.producing;
