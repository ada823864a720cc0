package org.adcs.headend.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed reads of settings that turn every bad value into an {@link InvalidSettingException} naming
 * the setting, the value found and what is expected, instead of a bare ConfigException.
 */
public final class SettingReader {

  private final Config config;

  public SettingReader(Config config) {
    this.config = config;
  }

  public String string(String path) {
    try {
      return config.getString(path);
    } catch (ConfigException.Missing e) {
      throw new InvalidSettingException(path, "is missing; set it in application.conf or the environment");
    } catch (ConfigException.WrongType e) {
      throw new InvalidSettingException(path, "expected a text value, found " + found(path));
    }
  }

  public String nonBlank(String path) {
    String value = string(path);
    if (value.isBlank()) {
      throw new InvalidSettingException(path, "must not be empty");
    }
    return value;
  }

  public int integer(String path, int min, int max) {
    int value;
    try {
      value = config.getInt(path);
    } catch (ConfigException.Missing e) {
      throw new InvalidSettingException(path, "is missing; set it in application.conf or the environment");
    } catch (ConfigException e) {
      throw new InvalidSettingException(path, "expected a whole number from " + min + " to " + max + ", found " + found(path));
    }
    if (value < min || value > max) {
      throw new InvalidSettingException(path, "expected a whole number from " + min + " to " + max + ", found " + value);
    }
    return value;
  }

  public int port(String path) {
    return integer(path, 1, 65535);
  }

  public Duration duration(String path) {
    Duration value;
    try {
      value = config.getDuration(path);
    } catch (ConfigException.Missing e) {
      throw new InvalidSettingException(path, "is missing; set it in application.conf or the environment");
    } catch (ConfigException e) {
      throw new InvalidSettingException(path, "expected a duration such as 30s or 2m, found " + found(path));
    }
    if (value.isNegative() || value.isZero()) {
      throw new InvalidSettingException(path, "must be a positive duration, found " + found(path));
    }
    return value;
  }

  public <E extends Enum<E>> E oneOf(String path, Class<E> type) {
    String value = string(path).strip();
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.replace('-', '_'))) {
        return constant;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name().toLowerCase(Locale.ROOT));
    }
    throw new InvalidSettingException(path, "expected one of " + allowed + ", found \"" + value + "\"");
  }

  public List<String> strings(String path) {
    try {
      return config.getStringList(path);
    } catch (ConfigException.Missing e) {
      throw new InvalidSettingException(path, "is missing; set it in application.conf or the environment");
    } catch (ConfigException e) {
      throw new InvalidSettingException(path, "expected a list of text values, found " + found(path));
    }
  }

  /** host:port entries, e.g. {@code ["10.0.0.5:9042", "10.0.0.6:9042"]}. */
  public List<InetSocketAddress> hostPorts(String path) {
    List<InetSocketAddress> result = new ArrayList<>();
    for (String entry : strings(path)) {
      int colon = entry.lastIndexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new InvalidSettingException(path, "expected host:port entries, found \"" + entry + "\"");
      }
      int port;
      try {
        port = Integer.parseInt(entry.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new InvalidSettingException(path, "port of \"" + entry + "\" is not a number");
      }
      if (port < 1 || port > 65535) {
        throw new InvalidSettingException(path, "port of \"" + entry + "\" is outside 1-65535");
      }
      result.add(InetSocketAddress.createUnresolved(entry.substring(0, colon), port));
    }
    return result;
  }

  /** A flat object of text values, e.g. keyspace replication options. */
  public Map<String, String> stringMap(String path) {
    Map<String, String> result = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, ConfigValue> entry : config.getObject(path).entrySet()) {
        ConfigValueType type = entry.getValue().valueType();
        if (type == ConfigValueType.OBJECT || type == ConfigValueType.LIST || type == ConfigValueType.NULL) {
          throw new InvalidSettingException(path, "entry " + entry.getKey() + " must be a text or number value");
        }
        result.put(entry.getKey(), String.valueOf(entry.getValue().unwrapped()));
      }
    } catch (ConfigException.Missing e) {
      throw new InvalidSettingException(path, "is missing; set it in application.conf or the environment");
    } catch (ConfigException e) {
      throw new InvalidSettingException(path, "expected an object such as {class = SimpleStrategy, replication_factor = 1}");
    }
    return result;
  }

  /** A path; relative ones are taken from {@code base}. Empty means "use {@code fallback}". */
  public Path directory(String path, Path base, Path fallback) {
    String value = string(path).strip();
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      Path p = Path.of(value);
      return (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidSettingException(path, "is not a valid path: " + e.getMessage());
    }
  }

  private String found(String path) {
    try {
      ConfigValue value = config.getValue(path);
      return value.render().strip() + " (from " + value.origin().description() + ")";
    } catch (ConfigException e) {
      return "nothing";
    }
  }
}
