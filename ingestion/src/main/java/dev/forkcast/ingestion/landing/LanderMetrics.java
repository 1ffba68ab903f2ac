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
    private final AtomicLong pollNanos = new AtomicLong();
    private final AtomicLong validateNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong deadLetterNanos = new AtomicLong();
    private ObjectName registeredAs;

    void committed(int rows, int deadLetters) {
        landed.addAndGet(rows);
        deadLettered.addAndGet(deadLetters);
        batches.incrementAndGet();
    }

    void pollAndValidateTime(long poll, long validate) {
        pollNanos.addAndGet(poll);
        validateNanos.addAndGet(validate);
    }

    void deadLetterTime(long nanos) {
        deadLetterNanos.addAndGet(nanos);
    }

    @Override
    public long getDeadLetterMillis() {
        return deadLetterNanos.get() / 1_000_000;
    }

    void commitTime(long nanos) {
        commitNanos.addAndGet(nanos);
    }

    @Override
    public long getPollMillis() {
        return pollNanos.get() / 1_000_000;
    }

    @Override
    public long getValidateMillis() {
        return validateNanos.get() / 1_000_000;
    }

    @Override
    public long getCommitMillis() {
        return commitNanos.get() / 1_000_000;
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
