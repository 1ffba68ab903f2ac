/**
 * {@code ./forkcast bench api}: the delivery-time route's throughput and latency beside the trivial ping route of the
 * same server, measured by a small closed-loop HTTP/1.1 load generator on loopback.
 */
package dev.forkcast.api.bench;
