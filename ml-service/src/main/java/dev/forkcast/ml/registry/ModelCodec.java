package dev.forkcast.ml.registry;

import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

/**
 * A model as bytes and back. Format 1 is Tribuo's protobuf form ({@code Model.serialize()}), which
 * Tribuo keeps readable across its versions (unlike Java serialisation) and which carries the model's
 * provenance with it.
 */
public final class ModelCodec {

    /** The format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private ModelCodec() {
    }

    public static byte[] encode(Model<?> model) {
        return model.serialize().toByteArray();
    }

    /** The model in {@code bytes}, or a clear refusal when the format is not one this code reads. */
    public static Model<?> decode(byte[] bytes, int formatVersion) {
        if (formatVersion != FORMAT_VERSION) {
            throw new IncompatibleModelException("model format " + formatVersion + " is not readable by this version of"
                    + " Forkcast (it reads format " + FORMAT_VERSION + "): retrain with ./forkcast train");
        }
        try {
            return Model.deserialize(ModelProto.parseFrom(bytes));
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new IncompatibleModelException("the stored model bytes are not a Tribuo model this version can read ("
                    + e.getMessage() + "): retrain with ./forkcast train", e);
        }
    }
}
