/** Deliveries: kitchens, couriers, dispatch and the legs that add up to a delivery time. */
package dev.forkcast.simulator.delivery;
