package dev.forkcast.events;

/**
 * The Kafka topics events travel on. One topic per kind of producer, as in a real platform:
 * the ordering app, the courier app, the payment provider and the account service each own one.
 */
public enum Topic {
    /** Order life cycle: placed, accepted, courier assigned, picked up, delivered, cancelled. */
    ORDERS("forkcast.orders"),
    /** Courier app: location pings while on a job, shift start and end. */
    COURIERS("forkcast.couriers"),
    /** Payment provider: authorisations, refund requests, chargebacks (the delayed fraud label). */
    PAYMENTS("forkcast.payments"),
    /** Account service: customers signing up, restaurants and couriers joining the platform. */
    REGISTRATIONS("forkcast.registrations");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    /** The name on the broker, e.g. {@code forkcast.orders}. */
    public String topicName() {
        return topicName;
    }
}
