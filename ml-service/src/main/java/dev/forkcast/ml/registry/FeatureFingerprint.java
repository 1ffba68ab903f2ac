package dev.forkcast.ml.registry;

import dev.forkcast.warehouse.features.Feature;
import dev.forkcast.warehouse.features.FeatureCatalogue.FeatureTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short digest of a feature table's definition: table, and each feature's name, kind and window, in
 * model order. A model remembers the fingerprint it was trained with; when the catalogue changes a
 * definition (a 7-day window becomes 14 days, a feature is added), the fingerprint changes and the old
 * model is refused rather than fed inputs that mean something else than what it learned.
 *
 * <p>Meanings (the prose) are left out on purpose: rewording a description does not change the data.
 */
public final class FeatureFingerprint {

    private FeatureFingerprint() {
    }

    public static String of(FeatureTable table) {
        StringBuilder text = new StringBuilder(table.table());
        for (Feature feature : table.features()) {
            text.append('\n').append(feature.name()).append('|').append(feature.kind()).append('|').append(feature.window());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
