/** Landing: from Kafka into {@code raw.events}, exactly once, with bad records sent to the dead-letter topic. */
package dev.forkcast.ingestion.landing;
