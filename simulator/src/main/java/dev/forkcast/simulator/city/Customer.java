package dev.forkcast.simulator.city;

/** A customer account: who it really is, what the platform sees of it, and its ordering habit. */
public final class Customer {

    public final String id;
    public final CustomerKind kind;
    public final String name;
    public final String email;
    public final String phone;
    public final String homeAddress;
    public final double homeX;
    public final double homeY;
    public final Device device;
    public final String cardFingerprint;
    public final String cardCountry;
    public final long signedUpAtMillis;
    /** Average orders per day (honest habit); fraud accounts follow their own schedule instead. */
    public final double ordersPerDay;
    /** Restaurants this customer goes back to (indexes into the city's restaurants). */
    public final int[] favouriteRestaurants;
    /** The referral code this account signed up with (account farms share one), or null. */
    public final String referralCode;

    private final Moments refundRequests = new Moments();

    public Customer(String id, CustomerKind kind, String name, String email, String phone, String homeAddress,
                    double homeX, double homeY, Device device, String cardFingerprint, String cardCountry,
                    long signedUpAtMillis, double ordersPerDay, int[] favouriteRestaurants, String referralCode) {
        this.id = id;
        this.kind = kind;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.homeAddress = homeAddress;
        this.homeX = homeX;
        this.homeY = homeY;
        this.device = device;
        this.cardFingerprint = cardFingerprint;
        this.cardCountry = cardCountry;
        this.signedUpAtMillis = signedUpAtMillis;
        this.ordersPerDay = ordersPerDay;
        this.favouriteRestaurants = favouriteRestaurants;
        this.referralCode = referralCode;
    }

    public void requestedRefundAt(long atMillis) {
        refundRequests.add(atMillis);
    }

    /** Refund requests made before {@code nowMillis}: only those could be known when an order is placed. */
    public int refundsRequestedBefore(long nowMillis) {
        // Strictly before: a request in the very same millisecond is not known yet.
        return refundRequests.countUpTo(nowMillis - 1);
    }

    public double accountAgeDays(long nowMillis) {
        return (nowMillis - signedUpAtMillis) / 86_400_000.0;
    }
}
