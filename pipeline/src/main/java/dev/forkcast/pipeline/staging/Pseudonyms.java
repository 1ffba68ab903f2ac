package dev.forkcast.pipeline.staging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Pseudonymisation by keyed hash (HMAC-SHA-256, RFC 2104): the same person always gets the same
 * pseudonym, so analysts can still count and join, but without the key nobody can go back from the
 * pseudonym to the name, nor confirm a guess by hashing it (which a plain, unkeyed hash would allow).
 * The key comes from configuration ({@code FORKCAST_PII_KEY}); rotating it gives everyone new pseudonyms.
 */
public final class Pseudonyms {

    public static final String KEY_VARIABLE = "FORKCAST_PII_KEY";
    /** For local runs and tests only; a real deployment sets FORKCAST_PII_KEY (the commands say which they use). */
    public static final String DEVELOPMENT_KEY = "forkcast-development-key-not-secret";

    private Pseudonyms() {
    }

    /** The key from the environment, or the development key. */
    public static String keyFromEnvironment() {
        String key = System.getenv(KEY_VARIABLE);
        return key == null || key.isBlank() ? DEVELOPMENT_KEY : key;
    }

    /** A column holding the pseudonym of {@code value} (null stays null). */
    public static Column keyedHash(Column value, String key) {
        UDF1<String, String> hash = text -> text == null ? null : hmacSha256Hex(key, text);
        UserDefinedFunction udf = functions.udf(hash, DataTypes.StringType);
        return udf.apply(value);
    }

    static String hmacSha256Hex(String key, String text) {
        return HexFormat.of().formatHex(KeyedMac.forThisThread(key).doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A Mac set up once per thread and key: looking one up and keying it costs more than hashing a short
     * text, and millions of values go through here. (A Mac is not thread-safe, hence one per thread.)
     */
    private record KeyedMac(String key, Mac mac) {

        private static final ThreadLocal<KeyedMac> CURRENT = new ThreadLocal<>();

        static Mac forThisThread(String key) {
            KeyedMac current = CURRENT.get();
            if (current == null || !current.key.equals(key)) {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    current = new KeyedMac(key, mac);
                    CURRENT.set(current);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
                }
            }
            return current.mac;
        }
    }
}
