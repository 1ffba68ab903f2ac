package dev.forkcast.api.predictions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PredictionLogTest {

    private static final PredictionLog.Entry ENTRY = new PredictionLog.Entry("delivery_time", 1,
            Instant.parse("2025-03-09T18:30:00Z"), Map.of("item_count", 3), Map.of("minutes", 31.5));

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch warehouseAnswers = new CountDownLatch(1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PredictionLog log = new PredictionLog(new StuckDataSource(warehouseAnswers), meters, 2);
        log.record(ENTRY);
        Thread.sleep(200); // the writer has taken the first entry and waits on the stuck warehouse

        for (int i = 0; i < 5; i++) {
            log.record(ENTRY);
        }

        assertEquals(3.0, meters.counter("forkcast.predictions.log.dropped").count());
        warehouseAnswers.countDown();
        log.close();
    }

    /** A warehouse that does not answer until released, then refuses the connection. */
    private record StuckDataSource(CountDownLatch released) implements DataSource {

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.sql.SQLException("no warehouse in a unit test");
        }

        @Override
        public Connection getConnection(String user, String password) throws java.sql.SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
