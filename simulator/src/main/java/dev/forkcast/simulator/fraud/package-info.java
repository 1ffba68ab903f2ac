/** Fraud: the explicit function that turns what the platform can observe into a fraud probability. */
package dev.forkcast.simulator.fraud;
