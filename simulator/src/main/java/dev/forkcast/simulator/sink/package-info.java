/** Where the city's records go: a JSON-lines file, nowhere (for benchmarks), or Kafka (ingestion module). */
package dev.forkcast.simulator.sink;
