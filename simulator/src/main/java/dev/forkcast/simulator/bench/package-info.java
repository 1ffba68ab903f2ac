/** The simulator's benchmark: records per second to a null sink and to a file, beside a plain file write. */
package dev.forkcast.simulator.bench;
