package dev.forkcast.api;

import dev.forkcast.warehouse.Warehouse;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one line the server logs at start: where to reach it and which warehouse it reads. */
@Singleton
final class StartupLine {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLine.class);

    private final Warehouse warehouse;

    StartupLine(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        String url = event.getSource().getURL().toString();
        LOG.info("Forkcast API at {}/api/v1 (docs {}/swagger-ui, health {}/health); warehouse: {}",
                url, url, url, warehouse.description());
    }
}
