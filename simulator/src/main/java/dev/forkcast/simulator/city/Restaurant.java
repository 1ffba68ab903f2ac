package dev.forkcast.simulator.city;

/**
 * A restaurant and its kitchen. The kitchen remembers when its recent orders will be ready, which is
 * how a busy kitchen slows down (the load a model has to learn from "orders in the last 30 minutes").
 */
public final class Restaurant {

    private static final int REMEMBERED_ORDERS = 32;

    public final int index;
    public final String id;
    public final String name;
    public final Cuisine cuisine;
    public final int priceLevel;
    public final double x;
    public final double y;
    public final int zone;
    /** Minutes this kitchen needs for a one-item order when idle. */
    public final double basePrepMinutes;
    /** Orders the kitchen can cook at once before it slows down. */
    public final int kitchenCapacity;
    /** Relative chance of being picked among nearby restaurants. */
    public final double popularity;
    public final String[] menuItemIds;
    public final long[] menuPricesCents;
    /** The average honest basket here: what "an unusually large basket" is measured against. */
    public final long typicalBasketCents;

    private final long[] readyAtMillis = new long[REMEMBERED_ORDERS];
    private int nextSlot;

    Restaurant(int index, String id, String name, Cuisine cuisine, int priceLevel, double x, double y, int zone,
               double basePrepMinutes, int kitchenCapacity, double popularity, String[] menuItemIds,
               long[] menuPricesCents, long typicalBasketCents) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.cuisine = cuisine;
        this.priceLevel = priceLevel;
        this.x = x;
        this.y = y;
        this.zone = zone;
        this.basePrepMinutes = basePrepMinutes;
        this.kitchenCapacity = kitchenCapacity;
        this.popularity = popularity;
        this.menuItemIds = menuItemIds;
        this.menuPricesCents = menuPricesCents;
        this.typicalBasketCents = typicalBasketCents;
        java.util.Arrays.fill(readyAtMillis, Long.MIN_VALUE);
    }

    /** Orders still being cooked at {@code nowMillis}. */
    public int ordersInKitchen(long nowMillis) {
        int count = 0;
        for (long readyAt : readyAtMillis) {
            if (readyAt > nowMillis) {
                count++;
            }
        }
        return count;
    }

    /** Kitchen load: orders being cooked divided by capacity (1.0 = full). */
    public double load(long nowMillis) {
        return (double) ordersInKitchen(nowMillis) / kitchenCapacity;
    }

    public void startCooking(long readyAtMillis) {
        this.readyAtMillis[nextSlot] = readyAtMillis;
        nextSlot = (nextSlot + 1) % REMEMBERED_ORDERS;
    }
}
