package org.adcs.headend.api.data;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.adcs.headend.api.Problems;
import org.adcs.mdm.mailbox.MailboxFile;
import org.adcs.mdm.market.MailboxRetention;

/**
 * {@code GET /api/v1/mailbox}: the files in the caller's mailbox, newest first; {@code GET
 * /api/v1/mailbox/{file}}: one file's content, streamed from its chunks (R-DAT-2, R-MD-5). A party sees
 * only its own mailbox; operators and administrators may name one ({@code ?party=}). Daily market files
 * older than 5 days are archived: listed with {@code ?archived=true}, fetchable as before.
 */
final class MailboxRoutes extends DataDirectives {

  /** Files one listing shows. */
  static final int LISTED = 500;
  private static final java.util.regex.Pattern MARKET_FILE = java.util.regex.Pattern.compile("\\d{12}\\.dat");

  private final MailboxDelivery mailbox;
  private final ObjectMapper json;
  private final java.time.Clock clock;

  MailboxRoutes(MailboxDelivery mailbox, ObjectMapper json, Problems problems, Executor blocking,
      java.time.Clock clock) {
    super(problems, blocking);
    this.mailbox = mailbox;
    this.json = json;
    this.clock = clock;
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("mailbox", () -> get(() -> caller(who ->
        parameterOptional("party", party -> concat(
            pathEnd(() -> parameterOptional("archived", archived -> checked(() -> list(owner(who, party),
                archived(archived))))),
            path(PathMatchers.segment(), file -> checked(() -> download(owner(who, party), file))))))))));
  }

  private Route list(String party, boolean archived) {
    return onSuccess(mailbox.store().list(party, LISTED), files -> {
      ObjectNode body = json.createObjectNode().put("party", party);
      ArrayNode list = body.putArray("files");
      var now = clock.instant();
      files.stream().filter(f -> listed(f, archived, now)).forEach(f -> list.add(describe(json, f)));
      return complete(HttpResponse.create().withStatus(StatusCodes.OK)
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString())));
    });
  }

  private Route download(String party, String fileId) {
    UUID id = fileUuid(fileId);
    // Mailbox files are named by time-based UUIDs (the store orders them by time); any other id names no file.
    if (id == null || id.version() != 1) {
      throw new InvalidRequest(StatusCodes.NOT_FOUND, "No such file", "no file " + clip(fileId) + " in the mailbox of "
          + party);
    }
    return onSuccess(mailbox.store().file(party, id), found -> found
        .map(file -> complete(file.size() == 0
            // An empty file (a CMEP day with nothing posted) has no content to stream.
            ? HttpResponse.create().withStatus(StatusCodes.NO_CONTENT).addHeader(disposition(file))
            : HttpResponse.create().withStatus(StatusCodes.OK).addHeader(disposition(file))
                .withEntity(HttpEntities.create(contentType(file), file.size(), mailbox.content(file)))))
        .orElseGet(() -> complete(problem(StatusCodes.NOT_FOUND, "No such file", "no file " + id
            + " in the mailbox of " + party))));
  }

  /**
   * Daily market files ({@code ccyymmddhhmm.dat}) are listed while on line, archived ones only on
   * request; they can be fetched until they expire (R-MD-5). Other files are always listed.
   */
  private static boolean listed(MailboxFile file, boolean archived, java.time.Instant now) {
    if (!MARKET_FILE.matcher(file.name()).matches()) {
      return true;
    }
    return switch (MailboxRetention.DEFAULT.stage(file.createdAt(), now)) {
      case ONLINE -> true;
      case ARCHIVED -> archived;
      case EXPIRED -> false;
    };
  }

  private static boolean archived(Optional<String> text) {
    return switch (text.orElse("false")) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidRequest("Invalid archived", "archived must be true or false");
    };
  }

  private static UUID fileUuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static RawHeader disposition(MailboxFile file) {
    return RawHeader.create("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
  }

  private static akka.http.javadsl.model.ContentType contentType(MailboxFile file) {
    return ReadingFormat.ofWire(file.format()).map(ReadingFormat::contentType)
        .orElse(ContentTypes.APPLICATION_OCTET_STREAM);
  }

  static ObjectNode describe(ObjectMapper json, MailboxFile f) {
    return json.createObjectNode().put("id", f.id().toString()).put("party", f.party()).put("name", f.name())
        .put("format", f.format()).put("size", f.size()).put("createdAt", f.createdAt().toString())
        .put("description", Optional.ofNullable(f.description()).orElse(""))
        .put("href", "/api/v1/mailbox/" + f.id());
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }
}
