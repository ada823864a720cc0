package org.adcs.headend.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adcs.headend.StartupFailure;

/**
 * Meter credentials from a provisioning file, one meter a line:
 * {@code logical-device-name,serial,lls-password[,host:port]} ({@code #} starts a comment). A meter
 * with an address listens there and the head-end dials it (R-COL-5); without one it dials in. Every
 * line is checked at start; a bad line stops start-up naming it.
 */
public final class ProvisioningFile implements MeterCredentials {

  private static final Pattern NAME = Pattern.compile("[\\x21-\\x7E]{1,32}");
  private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9.-]{1,253}):([0-9]{1,5})");

  private final Map<String, Provisioned> meters;

  private ProvisioningFile(Map<String, Provisioned> meters) {
    this.meters = Map.copyOf(meters);
  }

  public static ProvisioningFile load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StartupFailure("Cannot read the meter provisioning file " + file + " (" + e.getMessage()
          + "): check adcs.meters.provisioning-file (ADCS_METERS_PROVISIONING_FILE)");
    }
    Map<String, Provisioned> meters = new HashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(",", -1);
      String where = file + " line " + (n + 1);
      if (fields.length != 3 && fields.length != 4) {
        throw new StartupFailure(where + ": expected logical-device-name,serial,lls-password[,host:port]");
      }
      String name = fields[0].strip();
      String serial = fields[1].strip();
      String password = fields[2].strip();
      if (!NAME.matcher(name).matches() || !NAME.matcher(serial).matches() || !NAME.matcher(password).matches()) {
        throw new StartupFailure(where + ": names and passwords are 1-32 printable ASCII characters without spaces");
      }
      String address = fields.length == 4 ? address(fields[3].strip(), where) : null;
      if (meters.put(name, new Provisioned(serial, name, password, address)) != null) {
        throw new StartupFailure(where + ": meter " + name + " is listed twice");
      }
    }
    return new ProvisioningFile(meters);
  }

  private static String address(String field, String where) {
    Matcher m = ADDRESS.matcher(field);
    if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
      throw new StartupFailure(where + ": a meter's address is host:port with a port 1-65535, not '" + field + "'");
    }
    return field;
  }

  @Override
  public List<Provisioned> listening() {
    return meters.values().stream().filter(Provisioned::listens).sorted(java.util.Comparator.comparing(Provisioned::serial))
        .toList();
  }

  @Override
  public Optional<Provisioned> lookup(String logicalDeviceName) {
    return Optional.ofNullable(meters.get(logicalDeviceName));
  }

  public int size() {
    return meters.size();
  }
}
