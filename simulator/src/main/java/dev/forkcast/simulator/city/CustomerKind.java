package dev.forkcast.simulator.city;

/**
 * Who a customer really is. Only the simulator knows; the platform sees behaviour. Each fraudulent
 * kind is one of the fraud patterns.
 */
public enum CustomerKind {
    HONEST(null),
    /** An account opened with a stolen card: big baskets to an address far from "home", soon after signup. */
    STOLEN_CARD("stolen_card"),
    /** A real-looking customer who claims deliveries never arrived and asks for the money back. */
    REFUND_ABUSER("refund_abuse"),
    /** One of several fake accounts run from one device, all using the same referral code. */
    ACCOUNT_FARM("account_farm");

    /** The fraud pattern this kind commits, or null for honest customers. */
    public final String fraudPattern;

    CustomerKind(String fraudPattern) {
        this.fraudPattern = fraudPattern;
    }
}
