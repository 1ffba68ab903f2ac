/** Orders: who orders what from where, how the delivery goes, whether it is fraud, and what follows. */
package dev.forkcast.simulator.orders;
