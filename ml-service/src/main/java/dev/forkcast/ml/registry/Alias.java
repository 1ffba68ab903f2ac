package dev.forkcast.ml.registry;

import java.util.Locale;

/** A name that points at one model version and moves when a better one comes. */
public enum Alias {
    /** The version the API serves. */
    CHAMPION,
    /** The newest version that did not beat the champion: kept to compare and to roll forward to. */
    CHALLENGER;

    /** The name in {@code ml.model_aliases.alias}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Alias fromSqlName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
