package dev.forkcast.ingestion.landing;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The lander's counters, readable from any thread and published over JMX as
 * {@code dev.forkcast:type=Lander,name=<client>}.
 */
public final class LanderMetrics implements LanderMetricsMBean {

    private final AtomicLong landed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong lag = new AtomicLong(-1);
    private final AtomicLong batches = new AtomicLong();
    private ObjectName registeredAs;

    void committed(int rows, int deadLetters) {
        landed.addAndGet(rows);
        deadLettered.addAndGet(deadLetters);
        batches.incrementAndGet();
    }

    void lag(long records) {
        lag.set(records);
    }

    @Override
    public long getLandedTotal() {
        return landed.get();
    }

    @Override
    public long getDeadLetteredTotal() {
        return deadLettered.get();
    }

    @Override
    public long getLag() {
        return lag.get();
    }

    @Override
    public long getBatchesCommitted() {
        return batches.get();
    }

    void register(String name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName objectName = new ObjectName("dev.forkcast:type=Lander,name=" + ObjectName.quote(name));
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(this, objectName);
            registeredAs = objectName;
        } catch (JMException e) {
            // Metrics over JMX are a convenience; the lander runs without them.
            registeredAs = null;
        }
    }

    void unregister() {
        if (registeredAs != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registeredAs);
            } catch (JMException e) {
                // Already gone.
            }
        }
    }
}
