package dev.forkcast.simulator.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes each record's value as one line of a file, in arrival order: {@code head events.jsonl} shows
 * what the platform receives, broken records included. Topic and key are not written: every valid
 * event names its type, and the type names its topic.
 */
public final class JsonLinesFileSink implements EventSink {

    /** A large buffer: the default city writes ~260 MB a simulated week, in small pieces. */
    private static final int BUFFER_CHARS = 1 << 20;

    private final Path file;
    private final BufferedWriter writer;

    public JsonLinesFileSink(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events to " + file, e);
        }
    }

    @Override
    public void send(SinkRecord record) {
        try {
            writer.write(record.value());
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events to " + file, e);
        }
    }

    @Override
    public void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write events to " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
