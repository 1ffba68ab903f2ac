package dev.forkcast.api.predictions;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;

/**
 * An answer's {@code features} as a JSON object, each value written by its type with one {@code instanceof}.
 * Micronaut's map serializer looks a serializer up for every value's runtime class; with 23 values per answer that
 * was the largest single cost of a delivery-time request (~23% of the request thread's time in a JFR profile). The
 * bytes are the same: each type is encoded as its own serializer would ({@code Integer} as an int, {@code Double}
 * as a double...), nulls written, keys in the map's (catalogue) order. A type not listed falls back to the lookup.
 */
@Singleton
final class FeaturesJson implements Serializer<Map<String, Object>> {

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Map<String, Object>> type,
                          Map<String, Object> features) throws IOException {
        Encoder object = encoder.encodeObject(type);
        for (Map.Entry<String, Object> feature : features.entrySet()) {
            object.encodeKey(feature.getKey());
            write(object, context, feature.getValue());
        }
        object.finishStructure();
    }

    private static void write(Encoder encoder, EncoderContext context, Object value) throws IOException {
        if (value == null) {
            encoder.encodeNull();
        } else if (value instanceof Double d) {
            encoder.encodeDouble(d);
        } else if (value instanceof Integer i) {
            encoder.encodeInt(i);
        } else if (value instanceof Long l) {
            encoder.encodeLong(l);
        } else if (value instanceof Boolean b) {
            encoder.encodeBoolean(b);
        } else if (value instanceof String s) {
            encoder.encodeString(s);
        } else {
            writeLookedUp(encoder, context, value);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void writeLookedUp(Encoder encoder, EncoderContext context, Object value) throws IOException {
        Argument argument = Argument.of(value.getClass());
        Serializer serializer = context.findSerializer(argument).createSpecific(context, argument);
        serializer.serialize(encoder, context, argument, value);
    }
}
