package dev.forkcast.simulator.city;

/**
 * A phone. The platform sees which accounts sign up on which device; many accounts on one device is
 * the signature of an account farm.
 */
public final class Device {

    public final String id;
    public final String platform;
    private final Moments signups = new Moments();

    public Device(String id, String platform) {
        this.id = id;
        this.platform = platform;
    }

    public void accountSignedUp(long atMillis) {
        signups.add(atMillis);
    }

    /** Accounts that had signed up on this device by {@code nowMillis} (what the platform could know then). */
    public int accountsSeenBy(long nowMillis) {
        return signups.countUpTo(nowMillis);
    }
}
