package org.adcs.cli.command;

import java.util.concurrent.Callable;
import org.adcs.cli.http.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Revokes the session token on the server and forgets it here. */
@Command(name = "logout", description = "Revoke the kept session and forget it.")
public final class LogoutCommand implements Callable<Integer> {

  @Mixin
  Connection connection;

  @Override
  public Integer call() {
    connection.api().send("POST", "/api/v1/auth/logout", null, java.util.Optional.empty());
    SavedLogin.forget();
    connection.out().println("logged out");
    return ExitCode.OK.code();
  }
}
