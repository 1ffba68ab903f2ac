package dev.forkcast.simulator.city;

/** What a restaurant cooks, with the kitchen time a typical dish of that kind needs. */
public enum Cuisine {
    PIZZA(13, 2), BURGERS(10, 2), SUSHI(16, 3), INDIAN(19, 2), CHINESE(14, 2), THAI(15, 2),
    MEXICAN(11, 2), SALADS(7, 2), ITALIAN(17, 3), BAKERY(6, 1), KEBAB(9, 1), POKE(8, 2);

    /** Minutes a kitchen of this cuisine typically needs for one order, when it is not busy. */
    public final int typicalPrepMinutes;
    /** The most common price level (1 = cheap … 4 = expensive). */
    public final int typicalPriceLevel;

    Cuisine(int typicalPrepMinutes, int typicalPriceLevel) {
        this.typicalPrepMinutes = typicalPrepMinutes;
        this.typicalPriceLevel = typicalPriceLevel;
    }

    public String wireName() {
        return name().toLowerCase();
    }
}
