package dev.forkcast.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The stack's files as the tests read them: the compose file, the settings file, the Dockerfile, the poms. */
final class StackFiles {

    static final String COMPOSE_FILE = "docker-compose.yml";
    static final String SETTINGS_FILE = "docker/forkcast.env";
    static final String DOCKERFILE = "docker/Dockerfile";

    private static final Pattern SETTING = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

    private StackFiles() {
    }

    /** The repository root: the nearest directory up from the working directory that holds {@code mvnw}. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve(COMPOSE_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (mvnw beside " + COMPOSE_FILE + ") above "
                + Path.of("").toAbsolutePath());
    }

    static String read(String relativePath) {
        try {
            return Files.readString(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compose file as a tree, exactly as written (no interpolation, no defaults filled in). */
    static JsonNode compose() {
        return yaml(read(COMPOSE_FILE));
    }

    static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The KEY=VALUE lines of the settings file, in order; comments and blank lines skipped. */
    static Map<String, String> settings() {
        return settings(read(SETTINGS_FILE));
    }

    static Map<String, String> settings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SETTING.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(SETTINGS_FILE + ": not a KEY=VALUE line: " + line);
            }
            settings.put(m.group(1), m.group(2));
        }
        return settings;
    }

    static Dockerfile dockerfile() {
        return Dockerfile.parse(read(DOCKERFILE));
    }

    /** A property of a pom's {@code <properties>}, e.g. {@code kafka.version} of {@code pom.xml}. */
    static String pomProperty(String pom, String name) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            var document = factory.newDocumentBuilder().parse(root().resolve(pom).toFile());
            NodeList properties = document.getDocumentElement().getElementsByTagName("properties");
            for (int i = 0; i < properties.getLength(); i++) {
                NodeList children = properties.item(i).getChildNodes();
                for (int j = 0; j < children.getLength(); j++) {
                    Node child = children.item(j);
                    if (child instanceof Element element && element.getTagName().equals(name)) {
                        return element.getTextContent().strip();
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
        throw new IllegalStateException(pom + " has no property " + name);
    }

    /** The project version of the root pom (the tag Forkcast's own images would carry). */
    static String projectVersion() {
        try {
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(root().resolve("pom.xml").toFile());
            NodeList children = document.getDocumentElement().getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element element && element.getTagName().equals("version")) {
                    return element.getTextContent().strip();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml", e);
        }
        throw new IllegalStateException("pom.xml has no version");
    }
}
