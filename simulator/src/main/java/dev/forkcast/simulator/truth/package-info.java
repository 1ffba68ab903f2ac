/** The ground truth the simulator writes beside its events: expected delivery minutes and fraud probability per order. */
package dev.forkcast.simulator.truth;
