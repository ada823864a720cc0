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

/**
 * {@code GET /api/v1/mailbox}: the files in the caller's mailbox, newest first; {@code GET
 * /api/v1/mailbox/{file}}: one file's content, streamed from its chunks (R-DAT-2, R-MD-5). A party sees
 * only its own mailbox; operators and administrators may name one ({@code ?party=}).
 */
final class MailboxRoutes extends DataDirectives {

  /** Files one listing shows. */
  static final int LISTED = 500;

  private final MailboxDelivery mailbox;
  private final ObjectMapper json;

  MailboxRoutes(MailboxDelivery mailbox, ObjectMapper json, Problems problems, Executor blocking) {
    super(problems, blocking);
    this.mailbox = mailbox;
    this.json = json;
  }

  Route routes() {
    return pathPrefix("api", () -> pathPrefix("v1", () -> pathPrefix("mailbox", () -> get(() -> caller(who ->
        parameterOptional("party", party -> concat(
            pathEnd(() -> checked(() -> list(owner(who, party)))),
            path(PathMatchers.segment(), file -> checked(() -> download(owner(who, party), file))))))))));
  }

  private Route list(String party) {
    return onSuccess(mailbox.store().list(party, LISTED), files -> {
      ObjectNode body = json.createObjectNode().put("party", party);
      ArrayNode list = body.putArray("files");
      files.forEach(f -> list.add(describe(json, f)));
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
        .map(file -> complete(HttpResponse.create().withStatus(StatusCodes.OK)
            .addHeader(RawHeader.create("Content-Disposition", "attachment; filename=\"" + file.name() + "\""))
            .withEntity(HttpEntities.create(contentType(file), file.size(), mailbox.content(file)))))
        .orElseGet(() -> complete(problem(StatusCodes.NOT_FOUND, "No such file", "no file " + id
            + " in the mailbox of " + party))));
  }

  private static UUID fileUuid(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
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
