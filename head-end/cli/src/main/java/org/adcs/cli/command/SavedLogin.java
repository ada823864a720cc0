package org.adcs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.adcs.cli.http.ApiFailure;
import org.adcs.cli.http.ExitCode;

/**
 * The session {@code adcs login} keeps for later commands: server and token in
 * {@code $ADCS_CONFIG_DIR/login.json} (default {@code ~/.config/adcs}), readable by its owner only.
 */
record SavedLogin(String server, String token) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Path file() {
    String dir = System.getenv("ADCS_CONFIG_DIR");
    return (dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".config", "adcs"))
        .resolve("login.json");
  }

  static Optional<SavedLogin> load() {
    Path file = file();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode saved = JSON.readTree(file.toFile());
      return Optional.of(new SavedLogin(saved.path("server").asText(), saved.path("token").asText()));
    } catch (IOException e) {
      return Optional.empty(); // unreadable: as if not logged in; login writes it anew
    }
  }

  void save() {
    Path file = file();
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      Files.createFile(file);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's own protection applies
      }
      Files.writeString(file, JSON.createObjectNode().put("server", server).put("token", token).toString());
    } catch (IOException e) {
      throw new ApiFailure(ExitCode.FAILED, "cannot save the login in " + file + ": " + e.getMessage()
          + "; set ADCS_CONFIG_DIR to a writable directory or pass --token");
    }
  }

  static boolean forget() {
    try {
      return Files.deleteIfExists(file());
    } catch (IOException e) {
      throw new ApiFailure(ExitCode.FAILED, "cannot remove " + file() + ": " + e.getMessage());
    }
  }
}
