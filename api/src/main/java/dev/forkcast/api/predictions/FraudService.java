package dev.forkcast.api.predictions;

import dev.forkcast.api.errors.ApiException;
import dev.forkcast.ml.predictions.FraudPrediction;
import dev.forkcast.ml.predictions.FraudPredictor;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.warehouse.features.FraudHistory;
import dev.forkcast.warehouse.features.FraudLookup;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores orders for fraud: parses the order's time, asks the warehouse what it knew about the customer, the
 * device and the restaurant's baskets at that time ({@link FraudLookup}) and where the customer lives
 * ({@link CustomerHomes}), builds the catalogue's inputs and lets the champion score them. Every answer is
 * logged. History is as of the warehouse's last ETL run.
 */
@Singleton
class FraudService {

    private final FraudChampion champion;
    private final FraudLookup lookup;
    private final CustomerHomes homes;
    private final PredictionLog log;
    private final Clock clock = Clock.systemUTC();

    FraudService(FraudChampion champion, FraudLookup lookup, CustomerHomes homes, PredictionLog log) {
        this.champion = champion;
        this.lookup = lookup;
        this.homes = homes;
        this.log = log;
    }

    /**
     * One score per order, in order. Every order's time is checked before any is scored, so a bad one
     * costs no lookups.
     *
     * @param fieldPrefix how an order is named in an error: {@code ""} for a single order, {@code "orders"}
     *                    for a batch (errors then name {@code orders[3].customerId})
     */
    List<FraudAnswer> predict(List<FraudRequest> orders, String fieldPrefix) throws SQLException {
        Instant now = clock.instant();
        List<Instant> placedAt = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            placedAt.add(PlacedAt.parse(orders.get(i).placedAt(), now, BatchField.name(fieldPrefix, i, "placedAt")));
        }
        FraudPredictor predictor = champion.required();
        List<FraudAnswer> answers = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            FraudRequest order = orders.get(i);
            Instant at = placedAt.get(i);
            String customerField = BatchField.name(fieldPrefix, i, "customerId");
            CustomerHomes.Home home = homes.of(order.customerId()).orElseThrow(() -> ApiException.notFound(customerField,
                    "no customer " + order.customerId() + " in the warehouse (as of its last ETL run)"));
            FraudHistory history = lookup.asOf(order.customerId(), order.restaurantId(), order.deviceId(), at, null);
            FraudPrediction p = predictor.predict(FraudInputs.values(order, at, history, home));
            log.record(new PredictionLog.Entry(ModelKind.FRAUD.registryName(), p.modelVersion(), now, p.features(),
                    output(p)));
            answers.add(FraudAnswer.of(p));
        }
        return answers;
    }

    private static Map<String, Object> output(FraudPrediction p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", p.score());
        out.put("block", p.block());
        out.put("threshold", p.threshold());
        return out;
    }
}
