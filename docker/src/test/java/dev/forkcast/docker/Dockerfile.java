package dev.forkcast.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read into its stages and instructions: enough to check the rules the stack relies on, not a
 * full parser (no parser directives, heredocs or escape characters other than the backslash). Continuation
 * lines are joined, comments dropped.
 */
record Dockerfile(List<Stage> stages) {

    /** One instruction: its keyword in upper case and the rest of the line. */
    record Instruction(String keyword, String arguments, int line) {
    }

    /** A stage: {@code FROM base [AS name]} and what follows up to the next FROM. */
    record Stage(String base, String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }
    }

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.strip().startsWith("#") || (pending.length() == 0 && line.isBlank())) {
                continue;
            }
            if (pending.length() == 0) {
                startLine = n + 1;
            }
            boolean continues = line.endsWith("\\");
            pending.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (continues) {
                continue;
            }
            String joined = pending.toString().strip().replaceAll("\\s+", " ");
            pending.setLength(0);
            int space = joined.indexOf(' ');
            String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = space < 0 ? "" : joined.substring(space + 1);
            if (keyword.equals("FROM")) {
                String[] words = arguments.split(" ");
                String name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
                current = new ArrayList<>();
                stages.add(new Stage(words[0], name, current));
            } else if (current == null) {
                throw new IllegalArgumentException("line " + startLine + ": " + keyword + " before the first FROM");
            } else {
                current.add(new Instruction(keyword, arguments, startLine));
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst();
    }

    /** Whether {@code base} names an earlier stage of this file rather than an image. */
    boolean isStageName(String base) {
        return stages.stream().anyMatch(s -> base.equals(s.name()));
    }

    /** The stage and the stages it is built on, nearest first (a target inherits USER, HEALTHCHECK, CMD...). */
    List<Stage> lineage(Stage stage) {
        List<Stage> chain = new ArrayList<>();
        for (Stage s = stage; s != null; s = isStageName(s.base()) ? stage(s.base()).orElseThrow() : null) {
            chain.add(s);
        }
        return chain;
    }

    /** The last {@code keyword} instruction in effect for a stage, looking through the stages it builds on. */
    Optional<Instruction> effective(Stage stage, String keyword) {
        return lineage(stage).stream().map(s -> s.last(keyword)).flatMap(Optional::stream).findFirst();
    }
}
