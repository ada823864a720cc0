package org.adcs.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.adcs.cli.http.ApiFailure;
import org.adcs.cli.http.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Logs a person in and keeps the session token for later commands (see {@link SavedLogin}). */
@Command(name = "login", description = "Log in and keep the session for later commands.")
public final class LoginCommand implements Callable<Integer> {

  @Mixin
  Connection connection;

  @Option(names = {"-u", "--user"}, required = true, description = "your user name")
  String user;

  @Option(names = "--password-stdin", description = "read the password from standard input (scripts)")
  boolean passwordFromStdin;

  @Override
  public Integer call() throws IOException {
    String password = password();
    String server = connection.serverOrDefault();
    JsonNode body = new ObjectMapper().createObjectNode().put("username", user).put("password", password);
    JsonNode answer = connection.anonymous(server).post("/api/v1/auth/login", body).body();
    new SavedLogin(server, answer.path("token").asText()).save();
    connection.out().println("logged in to " + server + " as " + answer.path("principal").asText(user) + " until "
        + answer.path("expiresAt").asText("?") + "; session kept in " + SavedLogin.file());
    return ExitCode.OK.code();
  }

  private String password() throws IOException {
    if (passwordFromStdin) {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new ApiFailure(ExitCode.USAGE, "--password-stdin: no password on standard input");
      }
      return line;
    }
    if (System.console() == null) {
      throw new ApiFailure(ExitCode.USAGE, "no terminal to ask for the password; use --password-stdin");
    }
    char[] typed = System.console().readPassword("password for %s: ", user);
    if (typed == null || typed.length == 0) {
      throw new ApiFailure(ExitCode.USAGE, "no password given");
    }
    return new String(typed);
  }
}
