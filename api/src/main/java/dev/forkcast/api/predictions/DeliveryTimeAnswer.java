package dev.forkcast.api.predictions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forkcast.ml.predictions.DeliveryTimePrediction;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * A delivery-time estimate: minutes with an 80% range, the version that answered, and the values it was given
 * by name (nulls written: a feature the warehouse had no history for was given to the model as missing).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryTimeAnswer(double minutes, double low, double high, int modelVersion,
                                 // Written by FeaturesJson: no serializer looked up per value (this javadoc is the OpenAPI text).
                                 @Serdeable.Serializable(using = FeaturesJson.class) Map<String, Object> features) {

    static DeliveryTimeAnswer of(DeliveryTimePrediction p) {
        return new DeliveryTimeAnswer(p.minutes(), p.low(), p.high(), p.modelVersion(), p.features());
    }

    /** A batch's answers, one per order in the order sent. */
    @Serdeable
    public record Batch(List<DeliveryTimeAnswer> predictions) {
    }
}
