package org.adcs.mdm.store.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adcs.mdm.store.StoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraJavaTest {

  @TempDir
  Path jdk;

  @Test
  void jdk17HomeIsAccepted() throws Exception {
    fakeJdk("17.0.15");
    assertEquals(jdk.resolve("bin/java").toString(), CassandraJava.executable(jdk));
  }

  @Test
  void newerJdkIsRefusedWithTheSettingToChange() throws Exception {
    fakeJdk("25.0.1");
    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> CassandraJava.executable(jdk));
    assertTrue(e.getMessage().contains("Java 25") && e.getMessage().contains("adcs.cassandra.embedded.java-home"),
        e.getMessage());
  }

  @Test
  void directoryWithoutJavaIsRefused() {
    StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> CassandraJava.executable(jdk));
    assertTrue(e.getMessage().contains("No java executable"), e.getMessage());
  }

  private void fakeJdk(String version) throws Exception {
    Path java = jdk.resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
  }
}
