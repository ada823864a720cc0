package org.adcs.headend.config;

/** A configuration value is missing or wrong; names the setting and its environment variable. */
public final class InvalidSettingException extends RuntimeException {

  private final String path;

  public InvalidSettingException(String path, String problem) {
    super("Setting " + path + " (environment variable " + EnvironmentOverrides.variableFor(path) + "): " + problem);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
