package org.adcs.mdm.store.testing;

import java.nio.file.Path;
import org.adcs.mdm.store.embedded.EmbeddedCassandra;

/**
 * A parent process for {@code ParentKilledIT}: starts an embedded node, prints its PID and waits
 * to be killed.
 */
public final class NodeParentMain {

  private NodeParentMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedCassandra node = EmbeddedCassandra.launch(CassandraTestNode.embeddedSettings(Path.of(args[0])));
    System.out.println("NODE_PID=" + node.pid());
    System.out.flush();
    Thread.currentThread().join();
  }
}
