package org.adcs.headend.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.util.Locale;
import java.util.Map;

/**
 * Environment variables for every setting under {@code adcs}, by one naming rule, so operators
 * (and Kubernetes manifests) never need a list to look up: {@code adcs.cassandra.embedded.lib-dir}
 * is {@code ADCS_CASSANDRA_EMBEDDED_LIB_DIR}. Scalars are taken literally; objects and lists are
 * parsed as HOCON values.
 */
public final class EnvironmentOverrides {

  private EnvironmentOverrides() {}

  public static String variableFor(String path) {
    return path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Applies the variables present in {@code env} to the settings that {@code defaults} declares. */
  public static Config apply(Config defaults, Map<String, String> env) {
    return collect(defaults.getValue("adcs"), "adcs", env, ConfigFactory.empty());
  }

  private static Config collect(ConfigValue value, String path, Map<String, String> env, Config acc) {
    String raw = env.get(variableFor(path));
    if (raw != null) {
      return acc.withValue(path, parse(value.valueType(), raw, path));
    }
    if (value.valueType() == ConfigValueType.OBJECT) {
      Config result = acc;
      for (Map.Entry<String, ConfigValue> child : ((com.typesafe.config.ConfigObject) value).entrySet()) {
        result = collect(child.getValue(), path + "." + quoteIfNeeded(child.getKey()), env, result);
      }
      return result;
    }
    return acc;
  }

  private static ConfigValue parse(ConfigValueType type, String raw, String path) {
    if (type == ConfigValueType.OBJECT || type == ConfigValueType.LIST) {
      try {
        return ConfigFactory.parseString("v = " + raw).getValue("v");
      } catch (ConfigException e) {
        throw new InvalidSettingException(path, "environment variable " + variableFor(path)
            + " is not a valid HOCON " + type.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
      }
    }
    return ConfigValueFactory.fromAnyRef(raw, "environment variable " + variableFor(path));
  }

  private static String quoteIfNeeded(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
  }
}
