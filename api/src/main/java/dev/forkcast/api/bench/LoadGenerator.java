package dev.forkcast.api.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load generator (what wrk does, in plain Java): each connection is a thread with one
 * persistent socket that sends a request, reads the whole response and sends the next at once. A warm-up period
 * (JIT, pools, caches) is run and thrown away, then every response of the measured period is timed into a
 * {@link LatencyHistogram}. Any non-2xx answer or closed connection stops the run with an exception: a benchmark of
 * error pages would flatter the server.
 */
final class LoadGenerator {

    /** One route's requests: {@code requests.get(c)} are connection c's raw requests, sent in turn, round and round. */
    record Load(String name, List<List<byte[]>> requests) {
    }

    /** What a measured period saw. */
    record Result(String name, int connections, long requests, double seconds, LatencyHistogram latencies) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private final InetSocketAddress server;
    private final double warmUpSeconds;
    private final double measuredSeconds;

    LoadGenerator(InetSocketAddress server, double warmUpSeconds, double measuredSeconds) {
        this.server = server;
        this.warmUpSeconds = warmUpSeconds;
        this.measuredSeconds = measuredSeconds;
    }

    /** A GET with no body. */
    static byte[] get(String host, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A POST of a JSON body. */
    static byte[] postJson(String host, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    Result run(Load load) throws InterruptedException {
        int connections = load.requests().size();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmUpSeconds * 1e9);
        long measureTo = measureFrom + (long) (measuredSeconds * 1e9);
        CountDownLatch done = new CountDownLatch(connections);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Connection> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Connection worker = new Connection(load.requests().get(c), measureFrom, measureTo, failure, done);
            workers.add(worker);
            Thread thread = new Thread(worker, "load-" + load.name() + "-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(load.name() + ": the load generator failed: " + failure.get().getMessage(),
                    failure.get());
        }
        LatencyHistogram all = new LatencyHistogram();
        workers.forEach(w -> all.add(w.latencies));
        return new Result(load.name(), connections, all.count(), (measureTo - measureFrom) / 1e9, all);
    }

    /** One connection's loop. A request counts when it was sent inside the measured period. */
    private final class Connection implements Runnable {
        private final List<byte[]> requests;
        private final long measureFrom;
        private final long measureTo;
        private final AtomicReference<Throwable> failure;
        private final CountDownLatch done;
        private final LatencyHistogram latencies = new LatencyHistogram();

        Connection(List<byte[]> requests, long measureFrom, long measureTo, AtomicReference<Throwable> failure,
                   CountDownLatch done) {
            this.requests = requests;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
            this.failure = failure;
            this.done = done;
        }

        @Override
        public void run() {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(server, 5_000);
                OutputStream out = socket.getOutputStream();
                HttpResponseReader reader = new HttpResponseReader(new BufferedInputStream(socket.getInputStream(), 65_536));
                int next = 0;
                while (failure.get() == null) {
                    long sent = System.nanoTime();
                    if (sent >= measureTo) {
                        return;
                    }
                    out.write(requests.get(next));
                    out.flush();
                    HttpResponseReader.Response response = reader.read();
                    long received = System.nanoTime();
                    if (response.status() / 100 != 2) {
                        throw new IOException("HTTP " + response.status() + " for request " + next + ": "
                                + response.bodyText());
                    }
                    if (sent >= measureFrom) {
                        latencies.record((received - sent) / 1_000);
                    }
                    next = (next + 1) % requests.size();
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            } finally {
                done.countDown();
            }
        }
    }
}
