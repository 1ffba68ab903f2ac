package dev.forkcast.api.predictions;

import dev.forkcast.api.errors.ApiError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@code /api/v1/predictions}: the champion's estimates for orders not placed yet (or placed just now). */
@Controller("/api/v1/predictions")
@Tag(name = "predictions")
class PredictionController {

    private final DeliveryTimeService service;
    private final FraudService fraud;

    PredictionController(DeliveryTimeService service, FraudService fraud) {
        this.service = service;
        this.fraud = fraud;
    }

    @Post("/delivery-time")
    @Operation(summary = "Estimate one order's delivery minutes, with an 80% range and the inputs the model saw")
    @ApiResponse(responseCode = "200", description = "The estimate")
    @ApiResponse(responseCode = "400", description = "A field is missing or breaks its rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "The warehouse knows no such restaurant",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "No champion yet (run ./forkcast train)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    CompletableFuture<DeliveryTimeAnswer> deliveryTime(@Body DeliveryTimeRequest request, HttpRequest<?> http) {
        // Not @Valid: the same rules by plain code, off the reflective validator (see DeliveryTimeRules).
        DeliveryTimeRules.require(request);
        // Not @ExecuteOn(BLOCKING): answered without a request thread when the history is at hand (predictOne).
        return service.predictOne(request, connectionThread(http));
    }

    /**
     * The event loop of the request's connection, where its answer is turned into JSON and written: the thread
     * that scores a round of rows then only scores, and the connections' own threads (one per core) share the
     * writing. Without a Netty request (not the case under Micronaut's Netty server), the answer is written by
     * whichever thread completes it.
     */
    private static Executor connectionThread(HttpRequest<?> http) {
        return http instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor() : Runnable::run;
    }

    @Post("/delivery-time/batch")
    @Operation(summary = "Estimate up to 1000 orders in one call, answered in the order sent")
    @ApiResponse(responseCode = "200", description = "One estimate per order")
    @ApiResponse(responseCode = "400", description = "An order breaks a rule (the field names it: orders[3].itemCount)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "An order names a restaurant the warehouse does not know",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "No champion yet (run ./forkcast train)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ExecuteOn(TaskExecutors.BLOCKING)
    DeliveryTimeAnswer.Batch deliveryTimeBatch(@Body @Valid DeliveryTimeBatchRequest request) throws SQLException {
        return new DeliveryTimeAnswer.Batch(service.predict(request.orders(), "orders"));
    }

    @Post("/fraud")
    @Operation(summary = "Score one order for fraud: the score, the block decision at the version's threshold, "
            + "the three features that moved the score most and the inputs the model saw")
    @ApiResponse(responseCode = "200", description = "The score and decision")
    @ApiResponse(responseCode = "400", description = "A field is missing or breaks its rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "The warehouse knows no such customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "No champion yet (run ./forkcast train)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ExecuteOn(TaskExecutors.BLOCKING)
    FraudAnswer fraud(@Body @Valid FraudRequest request) throws SQLException {
        return fraud.predict(List.of(request), "").get(0);
    }

    @Post("/fraud/batch")
    @Operation(summary = "Score up to 1000 orders for fraud in one call, answered in the order sent")
    @ApiResponse(responseCode = "200", description = "One score and decision per order")
    @ApiResponse(responseCode = "400", description = "An order breaks a rule (the field names it: orders[3].customerId)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "An order names a customer the warehouse does not know",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "No champion yet (run ./forkcast train)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ExecuteOn(TaskExecutors.BLOCKING)
    FraudAnswer.Batch fraudBatch(@Body @Valid FraudBatchRequest request) throws SQLException {
        return new FraudAnswer.Batch(fraud.predict(request.orders(), "orders"));
    }
}
