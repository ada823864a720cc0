package org.adcs.headend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What an operator sees when the process cannot start: one line on stderr and exit code 2. */
class HeadEndMainIT {

  @Test
  void badSettingPrintsOneLineAndExitsWithCode2() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        HeadEndMain.class.getName()));
    builder.environment().put("ADCS_HTTP_PORT", "eighty");
    builder.environment().put("ADCS_DATA_DIR", Path.of("target", "it-nodes", "main-bad-setting").toAbsolutePath().toString());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process must exit on its own");
    String stderr = read(process.getErrorStream());
    assertEquals(2, process.exitValue(), stderr);
    List<String> lines = stderr.strip().lines().toList();
    assertEquals(1, lines.size(), stderr);
    assertTrue(lines.get(0).startsWith("adcs: cannot start: Setting adcs.http.port (environment variable ADCS_HTTP_PORT)"),
        lines.get(0));
  }

  private static String read(java.io.InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
