package dev.forkcast.demo;

/** Who owns a stage of the demo: the two roles Forkcast shows side by side, and the platform under both. */
public enum Role {
    PLATFORM("platform"),
    WORLD("the world"),
    DATA_ENGINEER("data engineer"),
    ML_ENGINEER("ML engineer");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
