package org.adcs.headend;

import akka.cluster.typed.Cluster;

/** What a newcomer needs after start-up: where to look, where the data is, how to stop. */
final class StartupBanner {

  private StartupBanner() {}

  static String render(HeadEnd headEnd, int simulatedMeters, String firstMeter) {
    var settings = headEnd.settings();
    StringBuilder text = new StringBuilder();
    text.append('\n').append("ADCS head-end is ready").append('\n');
    line(text, "readiness", headEnd.httpUrl() + "/ready");
    line(text, "liveness", headEnd.httpUrl() + "/health");
    line(text, "meters", "dial in to " + headEnd.meterPort().address().getHostString() + ":"
        + headEnd.meterPort().address().getPort() + " (DLMS/COSEM, IEC 62056-47)");
    String admin = settings.api().bootstrapAdmin();
    line(text, "api", "log in as \"" + admin + "\" (password: ADCS_API_BOOTSTRAP_ADMIN_PASSWORD, or the one"
        + " logged at the first start):");
    // -k: the development certificate is self-signed (adcs.http.tls.mode).
    String curl = settings.http().tls().mode() == org.adcs.headend.api.HttpsContext.Mode.DEVELOPMENT ? "curl -k" : "curl";
    line(text, "", curl + " -X POST " + headEnd.httpUrl() + "/api/v1/auth/login -H 'Content-Type: application/json'"
        + " -d '{\"username\":\"" + admin + "\",\"password\":\"...\"}'");
    line(text, "", "then create an operator and its token (README, \"API access\")");
    if (simulatedMeters > 0) {
      line(text, "fleet", simulatedMeters + " simulated meters dialling in (adcs.dev-fleet.size)");
      line(text, "", "read one: " + curl + " -X POST -H \"Authorization: Bearer $TOKEN\" " + headEnd.httpUrl()
          + "/api/v1/meters/" + firstMeter + "/reads");
    }
    line(text, "cluster", Cluster.get(headEnd.system()).selfMember().address().toString());
    line(text, "journal", settings.journal().displayUrl());
    headEnd.embeddedCassandra().ifPresentOrElse(
        node -> {
          line(text, "cassandra", "embedded node pid " + node.pid() + " at " + node.cqlAddress().getHostString()
              + ":" + node.cqlAddress().getPort() + ", keyspace " + settings.cassandra().keyspace());
          line(text, "", "data " + node.directory());
          line(text, "", "log  " + node.systemLog());
        },
        () -> line(text, "cassandra", "external " + settings.cassandra().contactPoints()
            + ", keyspace " + settings.cassandra().keyspace()));
    line(text, "data dir", settings.dataDirectory().toString());
    text.append("Press Ctrl-C to stop (this also stops the embedded Cassandra node).").append('\n');
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("  %-10s %s%n", label, value));
  }
}
