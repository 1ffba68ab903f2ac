/** What changes with the clock for everyone: demand by weekday and hour, weather, traffic. */
package dev.forkcast.simulator.world;
