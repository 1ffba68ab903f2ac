package dev.forkcast.ml.registry;

/** A stored model that cannot be used with this code: another file format, or other feature definitions. */
public final class IncompatibleModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IncompatibleModelException(String message) {
        super(message);
    }

    public IncompatibleModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
