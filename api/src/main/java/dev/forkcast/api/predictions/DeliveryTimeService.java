package dev.forkcast.api.predictions;

import dev.forkcast.api.errors.ApiException;
import dev.forkcast.ml.predictions.DeliveryTimePrediction;
import dev.forkcast.ml.predictions.DeliveryTimePredictor;
import dev.forkcast.ml.registry.ModelKind;
import dev.forkcast.warehouse.features.DeliveryTimeHistory;
import dev.forkcast.warehouse.features.DeliveryTimeLookup;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Estimates delivery times: parses each order's time, asks the warehouse what it knew about the restaurant and
 * the fleet at that time, builds the catalogue's inputs and lets the champion score all orders together. Every
 * answer is logged. History features are as of the warehouse's last ETL run: orders placed since then are not
 * counted yet. An order without {@code placedAt} is placed in the current minute and estimated as of its first
 * instant, with one fleet replay per minute and one lookup per restaurant per minute ({@link CurrentHistories}).
 */
@Singleton
class DeliveryTimeService {

    private final DeliveryTimeChampion champion;
    private final DeliveryTimeLookup lookup;
    private final CurrentHistories<DeliveryTimeLookup.Fleet> current;
    private final PredictionLog log;
    private final Executor blocking;
    /** The single-order route's rows, scored in rounds off the request threads. */
    private final ScoringRounds<DeliveryTimePredictor, DeliveryTimePrediction> rounds;
    private final Clock clock = Clock.systemUTC();
    /** Concurrent requests' rows scored together: see {@link SmartBatch}. */
    private final SmartBatch<Scoring, List<DeliveryTimePrediction>> scoring =
            new SmartBatch<>(DeliveryTimeService::scoreTogether, MAX_REQUESTS_TOGETHER);

    /**
     * Twice the benchmark's 32 connections: every request waiting when a batch starts fits in it, while a flood of
     * batch-route calls (up to 1000 rows each) still cannot make one native matrix without end.
     */
    private static final int MAX_REQUESTS_TOGETHER = 64;

    /** One request's rows and the champion that scores them (a promotion may change it between requests). */
    private record Scoring(DeliveryTimePredictor predictor, List<Object[]> rows) {
    }

    DeliveryTimeService(DeliveryTimeChampion champion, DeliveryTimeLookup lookup, PredictionLog log,
                        @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.champion = champion;
        this.lookup = lookup;
        this.current = CurrentHistories.of(lookup);
        this.log = log;
        this.blocking = blocking;
        this.rounds = new ScoringRounds<>("delivery-time-scoring", champion::requiredFromOwnRead,
                DeliveryTimePredictor::predictAll);
    }

    @PreDestroy
    void close() throws InterruptedException {
        rounds.close();
    }

    /**
     * One order's estimate, without a request thread when its history is at hand: an order placed now whose
     * restaurant this minute has already looked up (the benchmark's steady state) is answered from the event loop
     * through {@link ScoringRounds}; a lookup the warehouse must answer first runs on the blocking executor. The
     * answer, errors included, is the one {@link #predict} gives for a list of this one order.
     *
     * @param answerOn where the prediction becomes the answer (and is logged and written): the connection's event
     *                 loop, so the scoring round's thread goes straight on to its next round
     */
    CompletableFuture<DeliveryTimeAnswer> predictOne(DeliveryTimeRequest order, Executor answerOn) {
        Instant now = clock.instant();
        Instant at = PlacedAt.parse(order.placedAt(), CurrentHistories.minuteOf(now), "placedAt");
        DeliveryTimeHistory ready = order.placedAt() == null ? current.ifReady(order.restaurantId(), at) : null;
        CompletableFuture<DeliveryTimeHistory> history = ready != null ? CompletableFuture.completedFuture(ready)
                : CompletableFuture.supplyAsync(() -> {
                    try {
                        return order.placedAt() == null ? current.asOf(order.restaurantId(), at)
                                : lookup.asOf(order.restaurantId(), at);
                    } catch (SQLException e) {
                        throw new CompletionException(e);
                    }
                }, blocking);
        return history.thenCompose(h -> {
            requireKnownRestaurant(h, "restaurantId", order);
            return rounds.score(DeliveryTimeInputs.values(order, at, h));
        }).thenApplyAsync(p -> {
            logAnswer(now, p);
            return DeliveryTimeAnswer.of(p);
        }, answerOn);
    }

    /**
     * One estimate per order, in order.
     *
     * @param fieldPrefix how an order is named in an error: {@code ""} for a single order, {@code "orders"}
     *                    for a batch (errors then name {@code orders[3].placedAt})
     */
    List<DeliveryTimeAnswer> predict(List<DeliveryTimeRequest> orders, String fieldPrefix) throws SQLException {
        Instant now = clock.instant();
        Instant thisMinute = CurrentHistories.minuteOf(now);
        List<Instant> placedAt = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            placedAt.add(PlacedAt.parse(orders.get(i).placedAt(), thisMinute, BatchField.name(fieldPrefix, i, "placedAt")));
        }
        DeliveryTimePredictor predictor = champion.required();
        // A batch often repeats a restaurant and time: ask the warehouse once per pair.
        Map<String, DeliveryTimeHistory> histories = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            DeliveryTimeRequest order = orders.get(i);
            Instant at = placedAt.get(i);
            String key = order.restaurantId() + '\n' + at;
            DeliveryTimeHistory history = histories.get(key);
            if (history == null) {
                history = order.placedAt() == null ? current.asOf(order.restaurantId(), at)
                        : lookup.asOf(order.restaurantId(), at);
                histories.put(key, history);
            }
            requireKnownRestaurant(history, BatchField.name(fieldPrefix, i, "restaurantId"), order);
            rows.add(DeliveryTimeInputs.values(order, at, history));
        }
        List<DeliveryTimePrediction> predictions = scoring.apply(new Scoring(predictor, rows));
        predictions.forEach(p -> logAnswer(now, p));
        return predictions.stream().map(DeliveryTimeAnswer::of).toList();
    }

    /** Each request's predictions, from one {@code predictAll} per run of requests with the same champion. */
    private static List<List<DeliveryTimePrediction>> scoreTogether(List<Scoring> requests) {
        List<List<DeliveryTimePrediction>> out = new ArrayList<>(requests.size());
        int start = 0;
        while (start < requests.size()) {
            DeliveryTimePredictor predictor = requests.get(start).predictor();
            int end = start;
            List<Object[]> rows = new ArrayList<>();
            while (end < requests.size() && requests.get(end).predictor() == predictor) {
                rows.addAll(requests.get(end).rows());
                end++;
            }
            List<DeliveryTimePrediction> all = predictor.predictAll(rows);
            int from = 0;
            for (int i = start; i < end; i++) {
                int to = from + requests.get(i).rows().size();
                out.add(all.subList(from, to));
                from = to;
            }
            start = end;
        }
        return out;
    }

    /** A 404 naming {@code field} when the warehouse (as of its last ETL run) has no such restaurant. */
    private static void requireKnownRestaurant(DeliveryTimeHistory history, String field, DeliveryTimeRequest order) {
        if (history.restaurantLat() == null) {
            throw ApiException.notFound(field,
                    "no restaurant " + order.restaurantId() + " in the warehouse (as of its last ETL run)");
        }
    }

    private void logAnswer(Instant requestedAt, DeliveryTimePrediction p) {
        log.record(new PredictionLog.Entry(ModelKind.DELIVERY_TIME.registryName(), p.modelVersion(), requestedAt,
                p.features(), output(p)));
    }

    private static Map<String, Object> output(DeliveryTimePrediction p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minutes", p.minutes());
        out.put("low", p.low());
        out.put("high", p.high());
        return out;
    }
}
