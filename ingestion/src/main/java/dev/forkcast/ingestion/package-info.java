/** Ingestion: the Kafka side of the data engineer's highway, from the city's events to {@code raw.*}. */
package dev.forkcast.ingestion;
