package dev.forkcast.simulator.delivery;

/**
 * The expected timeline of one delivery, in minutes after the order was placed, before any noise.
 * {@link #deliveredMinutes()} is the ground truth "expected delivery minutes".
 *
 * @param courierIndex the courier dispatch chose, or -1 when no courier was on shift
 * @param kitchenLoad orders in the kitchen divided by its capacity when the order arrived
 * @param departMinutes when the courier sets off for the restaurant (after finishing any current job)
 * @param readyMinutes when the food is ready (accepted + preparation under the kitchen's load)
 * @param rideKmh the courier's speed for this hour and weather
 */
public record DeliveryPlan(
        int courierIndex,
        double kitchenLoad,
        double acceptedMinutes,
        double assignedMinutes,
        double departMinutes,
        double arriveMinutes,
        double readyMinutes,
        double pickedUpMinutes,
        double deliveredMinutes,
        double rideKmh) {

    /** How long the courier is expected to wait for the food (negative: the food waits). */
    public double courierWaitMinutes() {
        return readyMinutes - arriveMinutes;
    }
}
