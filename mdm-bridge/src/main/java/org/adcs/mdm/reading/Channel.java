package org.adcs.mdm.reading;

import java.util.regex.Pattern;

/**
 * A measured quantity of a meter, named without protocol terms (the head-end maps its protocol's
 * identifiers to these), e.g. {@code active-import} in {@code Wh}.
 */
public record Channel(String name, String unit) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9/*]{1,12}");

  public static final Channel ACTIVE_IMPORT = new Channel("active-import", "Wh");
  public static final Channel ACTIVE_EXPORT = new Channel("active-export", "Wh");

  public Channel {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("channel name must be lower-case letters, digits and '-', found " + name);
    }
    if (unit == null || !UNIT.matcher(unit).matches()) {
      throw new IllegalArgumentException("unit of channel " + name + " is not a unit symbol: " + unit);
    }
  }
}
