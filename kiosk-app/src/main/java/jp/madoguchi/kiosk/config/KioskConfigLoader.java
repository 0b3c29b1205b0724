package jp.madoguchi.kiosk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.madoguchi.kiosk.KioskErrorCode;
import jp.madoguchi.kiosk.KioskException;

/**
 * Loads {@link KioskConfig}: the embedded defaults, overlaid with the keys of a file. Unknown
 * keys, wrong types and out-of-range values fail with the key's dotted name and what was
 * expected. {@code ${user.home}} in paths is replaced.
 */
public final class KioskConfigLoader {
    private static final String DEFAULTS = "/jp/madoguchi/kiosk/config/default.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
    private final String userHome;

    public KioskConfigLoader(String userHome) {
        this.userHome = userHome;
    }

    /** The embedded defaults alone: an all-simulated kiosk. */
    public KioskConfig defaults() {
        return load(Optional.empty());
    }

    /** The defaults overlaid with {@code file}'s keys. */
    public KioskConfig load(Path file) {
        return load(Optional.of(file));
    }

    private KioskConfig load(Optional<Path> file) {
        String source = file.map(Path::toString).orElse("embedded defaults");
        JsonNode merged = readDefaults();
        if (file.isPresent()) {
            JsonNode overlay = readFile(file.get());
            if (overlay != null && !overlay.isNull()) {
                if (!overlay.isObject()) {
                    throw invalid(source, "", "a YAML mapping of sections (kiosk:, card:, ...)");
                }
                overlay((ObjectNode) merged, (ObjectNode) overlay, "");
            }
        }
        substitute(merged);
        KioskConfig config;
        try {
            config = yaml.treeToValue(merged, KioskConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(
                    source,
                    key(e),
                    "one of "
                            + e.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + " (unknown key)");
        } catch (InvalidFormatException e) {
            String expected = e.getTargetType() != null && e.getTargetType().isEnum()
                    ? "one of " + java.util.Arrays.toString(e.getTargetType().getEnumConstants())
                    : "a "
                            + (e.getTargetType() == null
                                    ? "value"
                                    : e.getTargetType().getSimpleName());
            throw invalid(source, key(e), expected + " but was '" + e.getValue() + "'");
        } catch (JsonMappingException e) {
            throw invalid(source, key(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw invalid(source, "", e.getOriginalMessage());
        }
        new KioskConfigRules(source).check(config);
        return config;
    }

    private JsonNode readDefaults() {
        try (InputStream in = KioskConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new KioskException(
                        KioskErrorCode.CONFIGURATION_INVALID, "the embedded defaults " + DEFAULTS + " are missing");
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new KioskException(
                    KioskErrorCode.CONFIGURATION_INVALID, "cannot read the embedded defaults: " + e.getMessage(), e);
        }
    }

    private JsonNode readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KioskException(
                    KioskErrorCode.CONFIGURATION_INVALID, "configuration file " + file + " does not exist");
        }
        try {
            return yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new KioskException(
                    KioskErrorCode.CONFIGURATION_INVALID,
                    "configuration file " + file + " is not valid YAML" + where + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new KioskException(
                    KioskErrorCode.CONFIGURATION_INVALID, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Deep-merges {@code overlay} into {@code base}; a section given as a scalar is an error. */
    private void overlay(ObjectNode base, ObjectNode overlay, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing != null && existing.isObject()) {
                if (!field.getValue().isObject()) {
                    throw new KioskException(
                            KioskErrorCode.CONFIGURATION_INVALID,
                            "configuration key '" + prefix + field.getKey() + "': expected a section of keys");
                }
                overlay((ObjectNode) existing, (ObjectNode) field.getValue(), prefix + field.getKey() + ".");
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private void substitute(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual() && field.getValue().asText().contains("${user.home}")) {
                    field.setValue(new TextNode(field.getValue().asText().replace("${user.home}", userHome)));
                } else {
                    substitute(field.getValue());
                }
            }
        }
    }

    private static String key(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static KioskException invalid(String source, String key, String expected) {
        return new KioskException(
                KioskErrorCode.CONFIGURATION_INVALID,
                "configuration (" + source + ") key '" + key + "': expected " + expected);
    }
}
