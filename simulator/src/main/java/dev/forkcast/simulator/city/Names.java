package dev.forkcast.simulator.city;

import java.util.random.RandomGenerator;

/**
 * Made-up personal data: names, emails, phones and street addresses. It is fake, but it is shaped
 * like the real thing, so the pipeline has to treat it as personal data (pseudonymise it in staging).
 */
public final class Names {

    private static final String[] FIRST = {
        "Anna", "Bram", "Chloe", "Daan", "Emma", "Finn", "Gwen", "Hugo", "Iris", "Jasper", "Kim", "Lars",
        "Mila", "Noah", "Olivia", "Pim", "Quinn", "Ruby", "Sem", "Tess", "Umar", "Vera", "Wout", "Xena",
        "Yara", "Zoe", "Ahmed", "Bo", "Carmen", "Dirk", "Elif", "Femke", "Gijs", "Hana", "Ilse", "Joris",
        "Lotte", "Maarten", "Nina", "Omar", "Priya", "Ravi", "Sanne", "Thijs", "Lina", "Yusuf"
    };
    private static final String[] LAST = {
        "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos",
        "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "de Graaf", "Koster", "Prins", "Kok", "Yilmaz",
        "Haddou", "Singh", "Novak", "Rossi", "Garcia", "Kowalski", "Nguyen", "Okafor", "Schmidt", "Dubois"
    };
    private static final String[] STREETS = {
        "Canal Street", "Mill Lane", "Harbour Road", "Oak Avenue", "Church Street", "Station Square",
        "Bridge Road", "Market Street", "Garden Lane", "Tower Street", "River Walk", "Orchard Road",
        "Lime Street", "Castle Hill", "Willow Way", "Baker Street", "Queens Road", "Park Lane",
        "Elm Grove", "Kings Parade", "Dock Street", "Cherry Lane", "North Quay", "South Bank"
    };
    private static final String[] MAIL_DOMAINS = {"mailbox.test", "inbox.test", "post.test", "fastmail.test"};
    private static final String[] RESTAURANT_WORDS = {
        "Golden", "Little", "Happy", "Blue", "Corner", "Old", "Red", "Green", "Lucky", "Urban", "Royal", "Spicy"
    };
    private static final String[] RESTAURANT_NOUNS = {
        "Kitchen", "Spoon", "Table", "Garden", "House", "Oven", "Bowl", "Grill", "Wok", "Bistro", "Corner", "Deli"
    };

    private Names() {
    }

    public static String personName(RandomGenerator rng) {
        return FIRST[rng.nextInt(FIRST.length)] + " " + LAST[rng.nextInt(LAST.length)];
    }

    public static String email(String personName, RandomGenerator rng) {
        String local = personName.toLowerCase().replace(' ', '.');
        return local + (rng.nextInt(900) + 100) + "@" + MAIL_DOMAINS[rng.nextInt(MAIL_DOMAINS.length)];
    }

    public static String phone(RandomGenerator rng) {
        return "+31 6 " + (10_000_000 + rng.nextInt(90_000_000));
    }

    /** A street address; the street is picked from the position so neighbours share streets. */
    public static String address(double x, double y, RandomGenerator rng) {
        int street = Math.floorMod((int) (x * 2) * 31 + (int) (y * 2) * 17, STREETS.length);
        return (rng.nextInt(180) + 1) + " " + STREETS[street];
    }

    public static String restaurantName(Cuisine cuisine, RandomGenerator rng) {
        String kind = cuisine.wireName().substring(0, 1).toUpperCase() + cuisine.wireName().substring(1);
        return RESTAURANT_WORDS[rng.nextInt(RESTAURANT_WORDS.length)] + " "
                + RESTAURANT_NOUNS[rng.nextInt(RESTAURANT_NOUNS.length)] + " " + kind;
    }
}
