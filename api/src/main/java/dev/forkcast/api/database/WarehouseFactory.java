package dev.forkcast.api.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.forkcast.ml.registry.ModelRegistry;
import dev.forkcast.ml.registry.TrainingRunLog;
import dev.forkcast.warehouse.DatabaseSettings;
import dev.forkcast.warehouse.Warehouse;
import dev.forkcast.warehouse.features.DeliveryTimeLookup;
import dev.forkcast.warehouse.features.FraudLookup;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/**
 * Opens the warehouse the way every Forkcast command does ({@link Warehouse#open}: the URL named by
 * {@code FORKCAST_DB_URL}, else the embedded PostgreSQL; migrated either way), so the variables mean the same
 * for the API as for {@code ./forkcast train}. Tests point {@code forkcast.db.url} at a scratch database.
 */
@Factory
final class WarehouseFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Warehouse warehouse(@Value("${forkcast.db.url:}") String url,
                        @Value("${forkcast.db.user:postgres}") String user,
                        @Value("${forkcast.db.password:}") String password) {
        return Warehouse.open(new DatabaseSettings(url, user, password));
    }

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(Warehouse warehouse, @Value("${forkcast.db.pool-size:4}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(warehouse.dataSource());
        config.setPoolName("forkcast-api");
        // A handful of connections: each request holds one for a few milliseconds, and PostgreSQL serves a
        // pool of about twice its cores best (HikariCP's "About Pool Sizing"). Without a pool every request
        // would pay a new connection (a PostgreSQL process fork, ~5-10 ms).
        config.setMaximumPoolSize(poolSize);
        // Idle connections may go: a teaching server sits idle most of the day.
        config.setMinimumIdle(1);
        // Reads only see committed data anyway; the one write (an alias move) commits itself.
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    @Singleton
    Jdbc jdbc(DataSource dataSource) {
        return new Jdbc(dataSource);
    }

    @Singleton
    ModelRegistry modelRegistry(DataSource dataSource) {
        return new ModelRegistry(dataSource);
    }

    @Singleton
    DeliveryTimeLookup deliveryTimeLookup(DataSource dataSource) {
        return new DeliveryTimeLookup(dataSource);
    }

    @Singleton
    FraudLookup fraudLookup(DataSource dataSource) {
        return new FraudLookup(dataSource);
    }

    @Singleton
    TrainingRunLog trainingRunLog(DataSource dataSource) {
        return new TrainingRunLog(dataSource);
    }
}
