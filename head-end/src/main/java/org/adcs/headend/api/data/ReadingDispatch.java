package org.adcs.headend.api.data;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.adcs.headend.api.security.AuditLog;
import org.adcs.mdm.mailbox.MailboxFile;

/**
 * Readings delivered to a party's mailbox, and the delivery recorded in the audit log with the meters
 * and the bytes dispatched (R-DAT-2). The file is complete in the mailbox when the stage completes.
 */
final class ReadingDispatch {

  private static final Duration AUDIT_WAIT = Duration.ofSeconds(30);

  private final ReadingExport export;
  private final MailboxDelivery mailbox;
  private final AuditLog audit;
  private final Executor blocking;

  ReadingDispatch(ReadingExport export, MailboxDelivery mailbox, AuditLog audit, Executor blocking) {
    this.export = export;
    this.mailbox = mailbox;
    this.audit = audit;
    this.blocking = blocking;
  }

  ReadingExport export() {
    return export;
  }

  MailboxDelivery mailbox() {
    return mailbox;
  }

  CompletionStage<MailboxFile> toMailbox(String party, String namePart, String description, ReadingRequest request) {
    long started = System.nanoTime();
    return mailbox.write(party, namePart, request.format(), description, export.document(request))
        .thenCompose(file -> CompletableFuture.supplyAsync(() -> {
          try {
            if (!audit.recordDispatch(party, "/api/v1/mailbox/" + file.id() + " (" + description + ")",
                request.meters(), file.size(), Duration.ofNanos(System.nanoTime() - started), AUDIT_WAIT)) {
              throw new IllegalStateException("the audit log is behind; the delivery of " + file.id()
                  + " could not be recorded");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a delivery", e);
          }
          return file;
        }, blocking));
  }
}
