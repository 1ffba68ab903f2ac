package dev.forkcast.api.predictions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forkcast.ml.predictions.FraudPrediction;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * A fraud score and its decision: {@code block} is {@code score >= threshold} (the version's threshold, chosen
 * from the costs of a missed fraud and a blocked honest order), the three features that moved the score most,
 * the version that answered and the values it was given by name (nulls written).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FraudAnswer(double score, boolean block, double threshold, List<ReasonAnswer> reasons, int modelVersion,
                          Map<String, Object> features) {

    static FraudAnswer of(FraudPrediction p) {
        return new FraudAnswer(p.score(), p.block(), p.threshold(),
                p.reasons().stream().map(r -> new ReasonAnswer(r.feature(), r.value(), r.contribution())).toList(),
                p.modelVersion(), p.features());
    }

    /** One feature's share in the score: positive = it raised the risk. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReasonAnswer(String feature, Object value, double contribution) {
    }

    /** A batch's answers, one per order in the order sent. */
    @Serdeable
    public record Batch(List<FraudAnswer> predictions) {
    }
}
