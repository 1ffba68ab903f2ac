/** The city's fixed parts: its map and zones, restaurants, customers and couriers, built from a seed. */
package dev.forkcast.simulator.city;
