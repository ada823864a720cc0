package org.adcs.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every ADCS_* variable the manifests set names a head-end setting (a typo would be ignored by the
 * head-end and leave the default in force), and object and list settings hold valid HOCON.
 */
class SettingNamesTest {
    private static final Path APPLICATION_CONF = Path.of("../head-end/src/main/resources/application.conf");
    /** Logging is configured before the settings are read: logback.xml takes its variables itself. */
    private static final Path LOGBACK = Path.of("../head-end/src/main/resources/logback.xml");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production", "overlays/demo", "overlays/bootstrap", "src/test/resources/broken/unknown-setting"})
    void everyVariableNamesASetting(String kustomization) throws IOException {
        Map<String, ConfigValueType> settings = settings();
        String logback = Files.readString(LOGBACK);
        Map<String, String> variables = new TreeMap<>();
        for (ObjectNode o : KustomizeRenderer.render(Path.of(kustomization))) {
            o.path("data").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
            for (JsonNode container : o.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    variables.put(env.path("name").asText(), env.path("value").asText(""));
                }
            }
        }
        List<String> unknown = variables.keySet().stream().filter(v -> v.startsWith("ADCS_") && !settings.containsKey(v) && !logback.contains("${" + v + ":")).toList();
        if (kustomization.contains("broken")) {
            assertEquals(List.of("ADCS_CASANDRA_MODE"), unknown);
            return;
        }
        assertEquals(List.of(), unknown, kustomization + ": variables that name no setting in " + APPLICATION_CONF + " or " + LOGBACK);
        assertTrue(variables.keySet().stream().filter(v -> v.startsWith("ADCS_")).count() > 10, variables.toString());
        variables.forEach((name, value) -> {
            ConfigValueType type = settings.get(name);
            if (type == ConfigValueType.OBJECT || type == ConfigValueType.LIST) {
                assertEquals(type, ConfigFactory.parseString("v = " + value).getValue("v").valueType(), name + " = " + value);
            }
        });
    }

    /** Each setting under adcs (objects too) by its variable name, by the head-end's naming rule (EnvironmentOverrides). */
    private static Map<String, ConfigValueType> settings() {
        Config conf = ConfigFactory.parseFile(APPLICATION_CONF.toFile()).resolve();
        Map<String, ConfigValueType> settings = new HashMap<>();
        collect(conf.getValue("adcs"), "adcs", settings);
        return settings;
    }

    private static void collect(ConfigValue value, String path, Map<String, ConfigValueType> settings) {
        settings.put(path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value.valueType());
        if (value instanceof ConfigObject object) {
            object.forEach((key, child) -> collect(child, path + "." + key, settings));
        }
    }
}
